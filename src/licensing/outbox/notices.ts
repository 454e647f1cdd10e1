import type { AdminNotificationKind } from "../../db/schema/index.ts";

/**
 * What the app tells people outside a reply (the daily jobs, and the admins' notices of joins and
 * offboarding), as data: the outbox stores a notice, and the Slack layer renders
 * it when it sends, in the reader's language and time zone.
 */

/** One service's data that goes when a window ends. */
export interface DataAtStake {
  service: string;
  kind: string;
  mailboxSizeMb: number | null;
}

export interface WindowReminderItem {
  windowId: string;
  person: string;
  product: string;
  purgeAt: string;
  daysLeft: number;
  /** Decided after its day had passed (the app was down). */
  late: boolean;
  data: DataAtStake[];
}

export interface MailboxItem {
  mailboxId: string;
  address: string;
  lockAt: string;
  daysLeft: number;
  late: boolean;
  sizeMb: number;
}

export type Notice =
  | { kind: "restore_reminders"; items: WindowReminderItem[] }
  | { kind: "windows_purged"; items: { person: string; product: string; purgeAt: string }[] }
  | { kind: "mailbox_warnings"; items: MailboxItem[] }
  | { kind: "mailboxes_locked"; items: { address: string }[] }
  | {
      kind: "requests_waiting";
      items: { requestId: string; requester: string; person: string; product: string; createdAt: string }[];
    }
  | { kind: "request_expired"; requestId: string; person: string; product: string; createdAt: string }
  | { kind: "low_seats"; items: { product: string; available: number; purchased: number }[] }
  /** What the domain recorded for the admins (a join without its defaults, an offboarding). */
  | { kind: "admin_notifications"; items: { kind: AdminNotificationKind; payload: unknown }[] };

export type NoticeKind = Notice["kind"];

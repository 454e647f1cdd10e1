import type { AdminNotificationKind } from "../../db/schema/index.ts";
import type { QueuedChange } from "../write-license-changes.ts";

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

/** A license the person got: what it turned on, what their location skipped, how many devices Office allows. */
export interface LicenseGained {
  product: string;
  /** Retained data of its services came back from a restore window. */
  restored: boolean;
  enabled: string[];
  skipped: { service: string; location: string }[];
  /** The service with device installs (Office) and its limit, when the product carries one turned on. */
  installs: { service: string; limit: number } | null;
}

/** A license the person lost: only the data they really lose, and the instant it is gone for good. */
export interface LicenseLost {
  product: string;
  data: DataAtStake[];
  /** Null when nothing is deleted (the data outlives removal or another license keeps it). */
  goneForGoodAt: string | null;
}

/** One person's own changes from one transaction, told once (rule 12). */
export interface LicenseChangesNotice {
  kind: "license_changes";
  /** The reader's time zone, for the instant their data is gone; null reads as UTC. */
  timeZone: string | null;
  /** Who made the change, by name; null when the app did (defaults on joining). */
  by: string | null;
  joined: boolean;
  gained: LicenseGained[];
  lost: LicenseLost[];
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
  | { kind: "admin_notifications"; items: { kind: AdminNotificationKind; payload: unknown }[] }
  | LicenseChangesNotice
  | TenantOutcomeNotice;

/** One license change as the tenant answered it. */
export interface TenantAnswer {
  person: string;
  product: string;
  action: QueuedChange["action"];
  /** Null when applied; else the tenant's reason as a code, and its own words. */
  refusal: string | null;
  message: string | null;
}

/**
 * What the tenant did with a decision made in License Desk (rule 13), told to whoever made it once
 * every change of it has its answer.
 */
export interface TenantOutcomeNotice {
  kind: "tenant_outcome";
  answers: TenantAnswer[];
}

export type NoticeKind = Notice["kind"];

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { Notice } from "../outbox/notices.ts";

/** What a button on a sent notice acts on; its id is the button's value. */
export type NoticeSubject =
  | { kind: "restore_window"; id: string }
  | { kind: "mailbox"; id: string }
  | { kind: "request"; id: string };

/** One sent message that shows the subject: where it is, and the notice it was built from. */
export interface NoticeCopy {
  outboxId: string;
  channelId: string;
  messageTs: string;
  /** Whom it was sent to: a user id for a direct message, else the channel; decides its language. */
  recipient: string;
  notice: Notice;
}

/** The part of a notice that names the subject, for a jsonb containment test. */
function containing(subject: NoticeSubject): object {
  switch (subject.kind) {
    case "restore_window":
      return { kind: "restore_reminders", items: [{ windowId: subject.id }] };
    case "mailbox":
      return { kind: "mailbox_warnings", items: [{ mailboxId: subject.id }] };
    case "request":
      return { kind: "requests_waiting", items: [{ requestId: subject.id }] };
  }
}

const copyRow = z.object({
  outboxId: z.string(),
  channelId: z.string(),
  messageTs: z.string(),
  recipient: z.string(),
  // Written only by enqueueNotices from a typed Notice.
  notice: z.custom<Notice>((value) => typeof (value as { kind?: unknown } | null)?.kind === "string"),
});

/**
 * Every sent reminder that shows the subject with its buttons: the same reminder goes to each
 * admin (a copy each), and a subject can appear on several days' reminders. A message sent before
 * Slack's channel was recorded is found by the channel it was sent to.
 */
export function listNoticeCopies(
  db: Database,
  input: { workspaceId: string; subject: NoticeSubject },
): Promise<NoticeCopy[]> {
  return queryRows(
    db,
    sql`select id as "outboxId", coalesce(message_channel, channel) as "channelId",
          message_ts as "messageTs", channel as recipient, message as notice
        from outbox
        where workspace_id = ${input.workspaceId} and status = 'sent' and message_ts is not null
          and message @> ${JSON.stringify(containing(input.subject))}::jsonb
        order by created_at`,
    copyRow,
  );
}

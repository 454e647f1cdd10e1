import { outbox } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";
import type { Notice } from "./notices.ts";

export interface OutgoingNotice {
  workspaceId: string;
  /** Same key, same message: deciding it again is a no-op. */
  dedupeKey: string;
  /** A channel id, or a Slack user id for a direct message. */
  channel: string;
  notice: Notice;
}

/** Puts notices in the outbox, in the caller's transaction, so they exist exactly when the decision does. */
export async function enqueueNotices(tx: Tx, now: Date, notices: OutgoingNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const inserted = await tx
    .insert(outbox)
    .values(
      notices.map((n) => ({
        workspaceId: n.workspaceId,
        dedupeKey: n.dedupeKey,
        channel: n.channel,
        message: n.notice,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return inserted.length;
}

/** Rows of one kind for one reader at one moment: a digest is one message, never one per row. */
export const digestKey = (kind: string, channel: string, now: Date) =>
  `${kind}:${channel}:${now.toISOString()}`;

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { adminNotificationKind } from "../../db/schema/index.ts";
import type { Clock } from "../clock.ts";
import { inTransaction } from "../outcome.ts";
import { enqueueNotices } from "./enqueue.ts";
import { adminRecipients } from "./recipients.ts";

/** Notifications per message: one digest rather than a message per row. */
const PER_MESSAGE = 10;

const notificationRow = z.object({
  id: z.string(),
  kind: z.enum(adminNotificationKind.enumValues),
  payload: z.unknown(),
  createdAt: dbTimestamp,
});

/**
 * Moves what the domain recorded for a workspace's admins (joins without their defaults,
 * offboarding) into the outbox, one digest per reader and batch, marking the rows delivered in the
 * same transaction: two instances never queue the same row, and the relay sends it with its
 * retries and rate limits. While the workspace has nobody to tell (no admin known before the first
 * directory sync), the rows wait. Returns how many notifications were queued.
 */
export async function queueAdminNotifications(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  let queued = 0;
  for (;;) {
    const batch = await inTransaction(db, async (tx) => {
      const readers = await adminRecipients(tx, input.workspaceId, input.approvalsChannel);
      if (readers.length === 0) return 0;
      const now = clock.now();
      const rows = await queryRows(
        tx,
        sql`update admin_notifications set delivered_at = ${now}
            where id in (
              select n.id from admin_notifications n join workspaces w on w.id = n.workspace_id
              where n.workspace_id = ${input.workspaceId} and n.delivered_at is null and w.active
              order by n.created_at, n.id
              limit ${PER_MESSAGE}
              for update of n skip locked)
            returning id, kind, payload, created_at as "createdAt"`,
        notificationRow,
      );
      const claimed = rows.sort(
        (a, b) =>
          new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id),
      );
      if (claimed.length === 0) return 0;
      const first = claimed[0]?.id;
      await enqueueNotices(
        tx,
        now,
        readers.map((channel) => ({
          workspaceId: input.workspaceId,
          dedupeKey: `admin_notifications:${channel}:${first}`,
          channel,
          notice: {
            kind: "admin_notifications" as const,
            items: claimed.map((n) => ({ kind: n.kind, payload: n.payload })),
          },
        })),
      );
      return claimed.length;
    });
    if (batch === 0) return queued;
    queued += batch;
  }
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { acrossWorkspaces, withinWorkspace } from "../db/workspace-scope.ts";
import type { Clock } from "../licensing/clock.ts";
import { enqueueNotices } from "../licensing/outbox/enqueue.ts";
import type { Notice } from "../licensing/outbox/notices.ts";
import { adminDirectMessages } from "../licensing/outbox/recipients.ts";
import { inTransaction } from "../licensing/outcome.ts";

/** What the relay hands to Slack. */
export interface OutgoingMessage {
  outboxId: string;
  workspaceId: string;
  channel: string;
  notice: Notice;
}

/** Slack said to wait (HTTP 429): nothing more goes to that workspace until `retryAfterSeconds` pass. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

/** An answer no retry will change (channel gone, user deactivated): the message fails at once. */
export class PermanentFailure extends Error {}

/** Where the message landed: its ts, and the channel Slack put it in (a DM's id for a user). */
export type SendMessage = (message: OutgoingMessage) => Promise<{ ts: string; channel?: string }>;

export interface RelayResult {
  sent: number;
  retrying: number;
  failed: number;
  /** Workspaces that asked us to wait during this pass. */
  pausedWorkspaces: string[];
}

const BATCH = 100;
const MAX_ATTEMPTS = 5;
/** A relay that died mid-send leaves its messages to another after this. */
const LEASE_MS = 60_000;
const backoffMs = (attempt: number) => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

const claimedRow = z.object({
  id: z.string(),
  workspaceId: z.string(),
  dedupeKey: z.string(),
  channel: z.string(),
  // Written only by enqueueNotices from a typed Notice; its kind is what the senders switch on.
  message: z.custom<Notice>((value) => typeof (value as { kind?: unknown } | null)?.kind === "string"),
  attempts: z.number(),
});
const idRow = z.object({ id: z.string() });

/**
 * Sends due outbox messages. Claims a batch with SKIP LOCKED (several instances share the work),
 * then sends each workspace's messages in order, workspaces side by side: a 429 pauses only its
 * own workspace (the rest of its batch goes back, due when Slack said), never another's. Errors
 * are retried with backoff up to MAX_ATTEMPTS, then the message is marked failed. `scope` limits a
 * pass to one workspace, for sending what a request just queued with that workspace's client.
 */
export async function relayOutbox(
  db: Database,
  clock: Clock,
  send: SendMessage,
  scope: { workspaceId?: string } = {},
): Promise<RelayResult> {
  const now = clock.now();
  const claimedLease = new Date(now.getTime() + LEASE_MS);
  // Claiming spans every workspace unless one is named; each workspace's sending then runs in its own.
  const claimScope = scope.workspaceId
    ? <T>(work: () => Promise<T>) => withinWorkspace(scope.workspaceId as string, work)
    : acrossWorkspaces;
  const claimed = await claimScope(() =>
    queryRows(
      db,
      sql`update outbox o set lease_until = ${claimedLease}, attempts = o.attempts + 1
        where o.id in (
          select c.id from outbox c join workspaces ws on ws.id = c.workspace_id
          where c.status = 'pending' and c.next_attempt_at <= ${now}
            and (c.lease_until is null or c.lease_until < ${now})
            and ws.active and (ws.outbox_paused_until is null or ws.outbox_paused_until <= ${now})
            and (${scope.workspaceId ?? null}::text is null or c.workspace_id = ${scope.workspaceId ?? null})
          order by c.next_attempt_at, c.created_at
          limit ${BATCH}
          for update of c skip locked)
        returning o.id, o.workspace_id as "workspaceId", o.dedupe_key as "dedupeKey", o.channel, o.message,
                  o.attempts`,
      claimedRow,
    ),
  );
  const byWorkspace = new Map<string, typeof claimed>();
  for (const row of claimed)
    byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
  const result: RelayResult = { sent: 0, retrying: 0, failed: 0, pausedWorkspaces: [] };

  const sendWorkspace = async (workspaceId: string, rows: typeof claimed) => {
    for (const [index, row] of rows.entries()) {
      // The batch's lease may have run out while earlier rows were sent: renew it for this row just
      // before sending, and leave the row alone if another relay has taken it over meanwhile.
      if (!(await renewLease(db, clock, row.id, claimedLease))) continue;
      let posted: Awaited<ReturnType<SendMessage>> | undefined;
      let failure: unknown;
      try {
        posted = await send({ outboxId: row.id, workspaceId, channel: row.channel, notice: row.message });
      } catch (error) {
        failure = error;
      }
      if (posted) {
        // Recording must not turn a sent message into a retry: if it fails, the row keeps its lease
        // and is retried only after it, the one window in which a message can go twice.
        await db
          .execute(
            sql`update outbox set status = 'sent', sent_at = ${clock.now()}, message_ts = ${posted.ts},
                  message_channel = ${posted.channel ?? null},
                  lease_until = null, last_error = null
                where id = ${row.id}`,
          )
          .catch(() => {});
        result.sent += 1;
        continue;
      }
      if (failure instanceof RateLimited) {
        const until = new Date(clock.now().getTime() + failure.retryAfterSeconds * 1000);
        const unsent = rows.slice(index).map((r) => r.id);
        await db.execute(
          sql`with pause as (
                update workspaces set outbox_paused_until = ${until} where id = ${workspaceId})
              update outbox set lease_until = null, attempts = attempts - 1, next_attempt_at = ${until}
              where id in (select unnest(${`{${unsent.join(",")}}`}::uuid[]))`,
        );
        result.retrying += unsent.length;
        result.pausedWorkspaces.push(workspaceId);
        return;
      }
      const reason = failure instanceof Error ? failure.message : String(failure);
      const giveUp = failure instanceof PermanentFailure || row.attempts >= MAX_ATTEMPTS;
      if (giveUp) {
        await inTransaction(db, async (tx) => {
          await tx.execute(
            sql`update outbox set status = 'failed', lease_until = null, last_error = ${reason} where id = ${row.id}`,
          );
          // A channel that refuses the app (archived, the app not invited): the admins still hear.
          if (failure instanceof PermanentFailure && isChannel(row.channel)) {
            const admins = await adminDirectMessages(tx, workspaceId);
            await enqueueNotices(
              tx,
              clock.now(),
              admins.map((admin) => ({
                workspaceId,
                dedupeKey: `${row.dedupeKey}:dm:${admin}`,
                channel: admin,
                notice: row.message,
              })),
            );
          }
        });
        result.failed += 1;
      } else {
        await db.execute(
          sql`update outbox set lease_until = null, last_error = ${reason},
                next_attempt_at = ${new Date(clock.now().getTime() + backoffMs(row.attempts))}
              where id = ${row.id}`,
        );
        result.retrying += 1;
      }
    }
  };
  await Promise.all(
    [...byWorkspace].map(([workspaceId, rows]) =>
      withinWorkspace(workspaceId, () => sendWorkspace(workspaceId, rows)),
    ),
  );
  return result;
}

/**
 * Relays pass after pass while messages go out, and stops once nothing more is due now or Slack
 * asked to wait: for a one-off run (the jobs command, the console) rather than the scheduled relay.
 */
export async function relayUntilDone(
  db: Database,
  clock: Clock,
  send: SendMessage,
): Promise<Omit<RelayResult, "pausedWorkspaces">> {
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const relayed = await relayOutbox(db, clock, send);
    total.sent += relayed.sent;
    total.failed += relayed.failed;
    total.retrying += relayed.retrying;
    if (relayed.sent + relayed.failed === 0 || relayed.pausedWorkspaces.length > 0) return total;
  }
}

/** Takes the row's lease for another LEASE_MS if it is still the one this pass claimed it with. */
async function renewLease(db: Database, clock: Clock, id: string, claimedLease: Date): Promise<boolean> {
  const renewed = await queryRows(
    db,
    sql`update outbox set lease_until = ${new Date(clock.now().getTime() + LEASE_MS)}
        where id = ${id} and status = 'pending' and lease_until = ${claimedLease}
        returning id`,
    idRow,
  );
  return renewed.length > 0;
}

const isChannel = (channel: string) => /^[CG]/.test(channel);

import { and, eq, isNull, lte, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { nonUserMailboxes } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { inTransaction, type Tx } from "../outcome.ts";

export interface LockedMailbox {
  mailboxId: string;
  workspaceId: string;
  address: string;
}

/** Locks every unlicensed mailbox whose month over quota has run out; idempotent. */
export function lockDueMailboxes(
  db: Database,
  clock: Clock,
  input: { workspaceId?: string; actor: Actor },
): Promise<{ ok: true; locked: LockedMailbox[] }> {
  const now = clock.now();
  return inTransaction(db, async (tx) => ({
    ok: true as const,
    locked: await lockDueMailboxesInTransaction(tx, now, input),
  }));
}

export async function lockDueMailboxesInTransaction(
  tx: Tx,
  now: Date,
  input: { workspaceId?: string | undefined; actor: Actor },
): Promise<LockedMailbox[]> {
  const conditions: SQL[] = [
    lte(nonUserMailboxes.lockAt, now),
    isNull(nonUserMailboxes.lockedAt),
    isNull(nonUserMailboxes.licensedProductId),
  ];
  if (input.workspaceId) conditions.push(eq(nonUserMailboxes.workspaceId, input.workspaceId));
  const locked = await tx
    .update(nonUserMailboxes)
    .set({ lockedAt: now })
    .where(and(...conditions))
    .returning({
      mailboxId: nonUserMailboxes.id,
      workspaceId: nonUserMailboxes.workspaceId,
      address: nonUserMailboxes.address,
    });
  await writeAudit(
    tx,
    null,
    input.actor,
    now,
    locked.map((m) => ({
      workspaceId: m.workspaceId,
      action: "mailbox.locked",
      targetType: "non_user_mailbox",
      targetId: m.mailboxId,
      after: { address: m.address, lockedAt: now },
    })),
  );
  return locked;
}

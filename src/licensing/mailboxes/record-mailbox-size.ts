import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type NonUserMailboxKind, nonUserMailboxes, workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction } from "../outcome.ts";
import { wellFormed } from "../text.ts";
import { type MailboxState, nextMailboxState } from "./mailbox-countdown.ts";

export type RecordMailboxSizeOutcome =
  | { ok: true; mailboxId: string; state: MailboxState }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_MAILBOX">
  | Failure<"INVALID_QUANTITY">;

const MAX_SIZE_MB = 100 * 1024 * 1024;

/**
 * Records a resource, room or shared mailbox's size (creating it when `kind` is given) and moves
 * its lock countdown accordingly.
 */
export function recordMailboxSize(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; address: string; kind?: NonUserMailboxKind; sizeMb: number; actor: Actor },
): Promise<RecordMailboxSizeOutcome> {
  if (!Number.isInteger(input.sizeMb) || input.sizeMb < 0 || input.sizeMb > MAX_SIZE_MB) {
    return Promise.resolve(fail("INVALID_QUANTITY", { max: MAX_SIZE_MB }));
  }
  const now = clock.now();
  const address = wellFormed(input.address).trim().toLowerCase();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "record-mailbox-size",
      targetType: "non_user_mailbox",
      targetId: address,
    });
    if (refused) return refused;
    if (input.kind) {
      await tx
        .insert(nonUserMailboxes)
        .values({ workspaceId: input.workspaceId, address, kind: input.kind })
        .onConflictDoNothing();
    }
    const [row] = await tx
      .select({ mailbox: nonUserMailboxes, workspaceQuota: workspaces.nonUserMailboxQuotaMb })
      .from(nonUserMailboxes)
      .innerJoin(workspaces, eq(workspaces.id, nonUserMailboxes.workspaceId))
      .where(and(eq(nonUserMailboxes.workspaceId, input.workspaceId), eq(nonUserMailboxes.address, address)))
      .for("update", { of: nonUserMailboxes });
    if (!row) return fail("UNKNOWN_MAILBOX");
    const { mailbox } = row;
    const before: MailboxState = {
      sizeMb: mailbox.sizeMb,
      quotaMb: mailbox.quotaMb ?? row.workspaceQuota,
      licensed: mailbox.licensedProductId !== null,
      overQuotaSince: mailbox.overQuotaSince,
      lockAt: mailbox.lockAt,
      lockedAt: mailbox.lockedAt,
    };
    const state = nextMailboxState({ ...before, sizeMb: input.sizeMb }, now);
    await tx
      .update(nonUserMailboxes)
      .set({
        sizeMb: state.sizeMb,
        overQuotaSince: state.overQuotaSince,
        lockAt: state.lockAt,
        lockedAt: state.lockedAt,
      })
      .where(eq(nonUserMailboxes.id, mailbox.id));
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "mailbox.size_recorded",
        targetType: "non_user_mailbox",
        targetId: mailbox.id,
        before,
        after: state,
      },
    ]);
    return { ok: true as const, mailboxId: mailbox.id, state };
  });
}

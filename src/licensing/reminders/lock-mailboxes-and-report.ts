import { systemActor } from "../actor.ts";
import { lockDueMailboxesInTransaction } from "../mailboxes/lock-due-mailboxes.ts";
import { tellAdmins } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";

/** Locks the mailboxes whose month over quota has run out, and tells the admins which, in one digest. */
export async function lockMailboxesAndReport(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const locked = await lockDueMailboxesInTransaction(tx, now, {
    workspaceId: input.workspaceId,
    actor: systemActor("job"),
  });
  if (locked.length === 0) return 0;
  await tellAdmins(tx, now, input, {
    kind: "mailboxes_locked",
    items: locked.map((m) => ({ address: m.address })),
  });
  return locked.length;
}

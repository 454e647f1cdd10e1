import { and, eq } from "drizzle-orm";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Tx } from "../outcome.ts";

/**
 * The app was installed again before the workspace's data was purged: it is active again, its
 * jobs and outbox resume, and everything kept meanwhile is there. Runs inside the transaction that
 * stores the new installation, so a workspace is never active without its tokens. A workspace not
 * known here, or already active, is left alone. Returns whether it changed.
 */
export async function reactivateWorkspace(
  tx: Tx,
  at: Date,
  input: { workspaceId: string; actor: Actor },
): Promise<boolean> {
  const [changed] = await tx
    .update(workspaces)
    .set({ active: true, deactivatedAt: null })
    .where(and(eq(workspaces.id, input.workspaceId), eq(workspaces.active, false)))
    .returning({ id: workspaces.id });
  if (!changed) return false;
  await writeAudit(tx, input.workspaceId, input.actor, at, [
    {
      action: "workspace.reactivated",
      targetType: "workspace",
      targetId: input.workspaceId,
      before: { active: false },
      after: { active: true, reason: "app_installed" },
    },
  ]);
  return true;
}

import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { inTransaction } from "../outcome.ts";

export type DeactivationReason = "app_uninstalled" | "tokens_revoked";

export interface DeactivateWorkspaceOutcome {
  ok: true;
  /** False when the workspace was already inactive, or never known here. */
  changed: boolean;
}

/**
 * The app was removed from a workspace: nothing is sent there any more and its jobs stop. The
 * workspace's data stays (licenses are the company's record, not Slack's); the audit row says why.
 */
export function deactivateWorkspace(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; reason: DeactivationReason; actor: Actor },
): Promise<DeactivateWorkspaceOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const [changed] = await tx
      .update(workspaces)
      .set({ active: false, deactivatedAt: now })
      .where(and(eq(workspaces.id, input.workspaceId), eq(workspaces.active, true)))
      .returning({ id: workspaces.id });
    if (!changed) return { ok: true as const, changed: false };
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "workspace.deactivated",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: { active: true },
        after: { active: false, reason: input.reason },
      },
    ]);
    return { ok: true as const, changed: true };
  });
}

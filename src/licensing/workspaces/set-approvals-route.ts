import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, inTransaction } from "../outcome.ts";

export type ApprovalsChoice = { route: "channel"; channelId: string } | { route: "direct_messages" };

export type SetApprovalsRouteOutcome = { ok: true; choice: ApprovalsChoice } | Failure<"NOT_ALLOWED">;

/**
 * Where the workspace's requests and admin notices go (rule 10): one channel, which the app must
 * have been invited to, or each admin's direct messages. The admin's choice replaces the process
 * setting for this workspace.
 */
export function setApprovalsRoute(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; choice: ApprovalsChoice; actor: Actor },
): Promise<SetApprovalsRouteOutcome> {
  const { choice } = input;
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-approvals-route",
      targetType: "workspace",
      targetId: input.workspaceId,
    });
    if (refused) return refused;
    const where = eq(workspaces.id, input.workspaceId);
    const [current] = await tx
      .select({ route: workspaces.approvalsRoute, channelId: workspaces.approvalsChannelId })
      .from(workspaces)
      .where(where)
      .for("update");
    if (!current) throw new Error(`workspace ${input.workspaceId} is not recorded`);
    const channelId = choice.route === "channel" ? choice.channelId : null;
    await tx
      .update(workspaces)
      .set({ approvalsRoute: choice.route, approvalsChannelId: channelId })
      .where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "workspace.approvals_route_set",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: { route: current.route, channelId: current.channelId },
        after: { route: choice.route, channelId },
      },
    ]);
    return { ok: true as const, choice };
  });
}

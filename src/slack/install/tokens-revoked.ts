import { systemActor } from "../../licensing/actor.ts";
import { deactivateWorkspace } from "../../licensing/workspaces/deactivate-workspace.ts";
import { type EventDelivery, handleEventOnce } from "../shared/handle-event-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { deleteInstallationOf } from "./delete-installation.ts";

/**
 * The bot token was revoked: without it the app can do nothing in the workspace, so its
 * installation is deleted and the workspace marked inactive (its data kept, as on uninstall).
 * Revoked user tokens alone change nothing, since the app holds none.
 */
export async function handleTokensRevoked(
  deps: SlackDeps,
  delivery: EventDelivery,
  tokens: { bot?: string[]; oauth?: string[] },
): Promise<void> {
  if ((tokens.bot ?? []).length === 0) return;
  await handleEventOnce(deps, delivery, async () => {
    await deleteInstallationOf(deps, delivery);
    await deactivateWorkspace(deps.db, deps.clock, {
      workspaceId: delivery.workspaceId,
      reason: "tokens_revoked",
      actor: systemActor("event", delivery.eventId),
    });
  });
}

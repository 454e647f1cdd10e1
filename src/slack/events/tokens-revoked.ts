import { systemActor } from "../../licensing/actor.ts";
import { deactivateWorkspace } from "../../licensing/workspaces/deactivate-workspace.ts";
import type { SlackDeps } from "../app.ts";
import { type EventDelivery, handleEventOnce } from "./handle-event-once.ts";

/**
 * The bot token was revoked: without it the app can do nothing in the workspace, so it is marked
 * inactive. Revoked user tokens alone change nothing, since the app holds none. Deleting the token
 * itself awaits a token store: today the one bot token comes from the environment.
 */
export async function handleTokensRevoked(
  deps: SlackDeps,
  delivery: EventDelivery,
  tokens: { bot?: string[]; oauth?: string[] },
): Promise<void> {
  if ((tokens.bot ?? []).length === 0) return;
  await handleEventOnce(deps, delivery, async () => {
    await deactivateWorkspace(deps.db, deps.clock, {
      workspaceId: delivery.workspaceId,
      reason: "tokens_revoked",
      actor: systemActor("event", delivery.eventId),
    });
  });
}

import { systemActor } from "../../licensing/actor.ts";
import { deactivateWorkspace } from "../../licensing/workspaces/deactivate-workspace.ts";
import type { SlackDeps } from "../app.ts";
import { type EventDelivery, handleEventOnce } from "./handle-event-once.ts";

/**
 * The app was removed: the workspace is marked inactive, so nothing is sent there and its daily
 * sync stops. Its tokens should be deleted here too, but there is no token store yet: the bot token
 * comes from the environment until installations are stored per workspace.
 */
export async function handleAppUninstalled(deps: SlackDeps, delivery: EventDelivery): Promise<void> {
  await handleEventOnce(deps, delivery, async () => {
    await deactivateWorkspace(deps.db, deps.clock, {
      workspaceId: delivery.workspaceId,
      reason: "app_uninstalled",
      actor: systemActor("event", delivery.eventId),
    });
  });
}

import { systemActor } from "../../licensing/actor.ts";
import { deactivateWorkspace } from "../../licensing/workspaces/deactivate-workspace.ts";
import { type EventDelivery, handleEventOnce } from "../shared/handle-event-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { deleteInstallationOf } from "./delete-installation.ts";

/**
 * The app was removed: its installation (tokens) is deleted and the workspace marked inactive, so
 * nothing is sent there and its jobs stop. Its data stays for UNINSTALLED_RETENTION_DAYS (an
 * export, or a reinstall, finds it all), then the daily purge deletes it.
 */
export async function handleAppUninstalled(deps: SlackDeps, delivery: EventDelivery): Promise<void> {
  await handleEventOnce(deps, delivery, async () => {
    await deleteInstallationOf(deps, delivery);
    await deactivateWorkspace(deps.db, deps.clock, {
      workspaceId: delivery.workspaceId,
      reason: "app_uninstalled",
      actor: systemActor("event", delivery.eventId),
    });
  });
}

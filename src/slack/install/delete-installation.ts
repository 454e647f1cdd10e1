import type { EventDelivery } from "../shared/handle-event-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { deleteInstallationRows } from "./postgres-installation-store.ts";

/**
 * Deletes the tokens an install brought (OAuth mode), at once: Slack has already invalidated
 * them, and a token kept is only a liability. With one workspace's token from the environment
 * there is no installation row and nothing happens.
 */
export async function deleteInstallationOf(deps: SlackDeps, delivery: EventDelivery): Promise<void> {
  const deleted = await deleteInstallationRows(deps.db, {
    teamId: delivery.isEnterpriseInstall ? undefined : delivery.workspaceId,
    enterpriseId: delivery.enterpriseId,
    isEnterpriseInstall: delivery.isEnterpriseInstall === true,
  });
  if (deleted > 0) {
    deps.logger.info("installation deleted", {
      workspaceId: delivery.workspaceId,
      eventId: delivery.eventId,
      type: delivery.type,
    });
  }
}

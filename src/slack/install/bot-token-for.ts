import type { InstallationStore } from "@slack/oauth";
import { InstallationNotFoundError } from "./postgres-installation-store.ts";

/**
 * A workspace's bot token for work that no Slack request started (jobs, the outbox): read through
 * the store, so a rotating token is refreshed first, once across instances. Inside an Enterprise
 * Grid org the enterprise id is needed to reach an org-wide install.
 */
export function botTokenFor(
  store: InstallationStore,
): (workspace: { teamId: string; enterpriseId?: string }) => Promise<string> {
  return async ({ teamId, enterpriseId }) => {
    const installation = await store.fetchInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
    const token = installation.bot?.token;
    if (!token) throw new InstallationNotFoundError(`the install for team ${teamId} has no bot token`);
    return token;
  };
}

import type { App } from "@slack/bolt";
import { handleTeamJoin } from "./directory/team-join.ts";
import { handleUserChange } from "./directory/user-change.ts";
import { handleAppUninstalled } from "./install/app-uninstalled.ts";
import { handleTokensRevoked } from "./install/tokens-revoked.ts";
import type { EventDelivery } from "./shared/handle-event-once.ts";
import { type SlackPayloadIds, workspaceOf } from "./shared/workspace-of.ts";
import type { SlackDeps } from "./slack-deps.ts";

/**
 * Directory and installation events. Bolt acknowledges Events API deliveries before the listener
 * runs, so the work here never holds up the answer to Slack; each handler is idempotent per event id.
 */
export function registerEventListeners(app: App, deps: SlackDeps): void {
  app.event("team_join", async ({ event, body, client }) => {
    await handleTeamJoin(deps, client, delivery(body, event.type), event.user);
  });
  app.event("user_change", async ({ event, body, client }) => {
    await handleUserChange(deps, client, delivery(body, event.type), event.user);
  });
  app.event("app_uninstalled", async ({ event, body }) => {
    await handleAppUninstalled(deps, delivery(body, event.type));
  });
  app.event("tokens_revoked", async ({ event, body }) => {
    await handleTokensRevoked(deps, delivery(body, event.type), event.tokens);
  });
}

function delivery(body: SlackPayloadIds & { event_id: string }, type: string): EventDelivery {
  const isEnterpriseInstall =
    body.is_enterprise_install === true || body.authorizations?.[0]?.is_enterprise_install === true;
  const enterpriseId = body.enterprise_id || body.authorizations?.[0]?.enterprise_id;
  return {
    workspaceId: workspaceOf(body),
    eventId: body.event_id,
    type,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(isEnterpriseInstall ? { isEnterpriseInstall: true } : {}),
  };
}

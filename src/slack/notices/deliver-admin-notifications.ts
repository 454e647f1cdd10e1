import type { WebClient } from "@slack/web-api";
import { relayOutbox } from "../../jobs/outbox-relay.ts";
import { queueAdminNotifications } from "../../licensing/outbox/queue-admin-notifications.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { tokenSender } from "./relay-sender.ts";

/**
 * Tells a workspace's admins what the domain recorded for them (joins without default licenses,
 * offboarding) now: the notifications go into the outbox, in the approvals channel when there is
 * one, else to each admin, and a relay pass for this workspace sends them at once with the
 * workspace's own token — with the outbox's retries, and a 429 pausing only this workspace. What
 * cannot go now, the scheduled relay sends later. Returns how many notifications were queued.
 */
export async function deliverAdminNotifications(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string },
): Promise<number> {
  const queued = await queueAdminNotifications(deps.db, deps.clock, {
    workspaceId: input.workspaceId,
    approvalsChannel: deps.approvalsChannel,
  });
  if (queued === 0) return 0;
  await relayOutbox(deps.db, deps.clock, tokenSender(deps, client.token ?? "", client.slackApiUrl), {
    workspaceId: input.workspaceId,
  });
  return queued;
}

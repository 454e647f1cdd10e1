import type { WebClient } from "@slack/web-api";
import { relayOutbox } from "../../jobs/outbox-relay.ts";
import { applyTenantOperations } from "../../tenants/operations/apply-tenant-operations.ts";
import { describeError } from "../shared/logger.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { tokenSender } from "./relay-sender.ts";

/**
 * Sends what a change just queued in this workspace's outbox (the people's own notices) now,
 * after the actor has had their answer: one relay pass with the workspace's own token, with the
 * outbox's retries and a 429 pausing only this workspace. What cannot go now, the scheduled relay
 * sends later; a failure here never reaches the person who acted.
 */
export async function sendQueuedNotices(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string },
): Promise<void> {
  // Rule 13: what the change queued for the tenant is made there first, so its answer goes out too.
  if (deps.tenants) {
    await applyTenantOperations(deps.db, deps.clock, {
      tenants: deps.tenants,
      workspaceId: input.workspaceId,
    }).catch((error: unknown) =>
      deps.logger.warn("tenant changes could not be made now; the relay will retry", {
        ...describeError(error),
        workspaceId: input.workspaceId,
      }),
    );
  }
  await relayOutbox(deps.db, deps.clock, tokenSender(deps, client.token ?? "", client.slackApiUrl), {
    workspaceId: input.workspaceId,
  }).catch((error: unknown) =>
    deps.logger.warn("queued notices could not be sent now; the relay will retry", {
      ...describeError(error),
      workspaceId: input.workspaceId,
    }),
  );
}

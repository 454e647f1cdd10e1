import type { WebClient } from "@slack/web-api";
import type { OutgoingMessage } from "../../jobs/outbox-relay.ts";
import { refreshRequestCopies } from "../requests/publish-decision.ts";
import type { SlackDeps } from "../slack-deps.ts";

/**
 * What a sent notice entails in Slack beyond itself: when the requester has been told their
 * request expired, the approvers' copies of it lose their buttons and show the outcome.
 */
export function afterNoticeSent(deps: SlackDeps, client: WebClient) {
  return async ({ workspaceId, notice }: OutgoingMessage): Promise<void> => {
    if (notice.kind === "request_expired") {
      await refreshRequestCopies(deps, client, { workspaceId, requestId: notice.requestId });
    }
  };
}

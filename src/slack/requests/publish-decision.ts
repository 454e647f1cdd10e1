import type { WebClient } from "@slack/web-api";
import { loadRequestSummary, type RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { refreshNoticeCopies } from "../notices/refresh-notice-copies.ts";
import { describeError } from "../shared/logger.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { listCopies } from "./request-copies.ts";
import { buildRequestMessage } from "./request-message.ts";
import { buildRequestOutcomeMessage } from "./request-outcome-message.ts";

/**
 * Brings every posted copy of a request up to date: once it is decided, withdrawn or expired, the
 * buttons go and the outcome shows. One copy that cannot be updated does not stop the others.
 */
export async function refreshRequestCopies(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; requestId: string },
): Promise<void> {
  const request = await loadRequestSummary(deps.db, input);
  if (request) await updateRequestCopies(deps, client, request);
}

/** After a decision: every copy shows it, and the requester is told the outcome and why. */
export async function publishDecision(
  deps: SlackDeps,
  client: WebClient,
  request: RequestSummary,
  options: { turnedOn: readonly string[] | null },
): Promise<void> {
  await updateRequestCopies(deps, client, request);
  try {
    // Worded when sent, in the requester's language.
    const t = await readerCatalog(deps.db, request.workspaceId, request.requester.slackUserId);
    await client.chat.postMessage({
      channel: request.requester.slackUserId,
      ...buildRequestOutcomeMessage(t, request, options),
    });
  } catch (error) {
    deps.logger.warn("could not tell the requester the decision", {
      ...describeError(error),
      requestId: request.id,
    });
  }
}

/** Every recorded copy shows the request as it is now. */
export async function updateRequestCopies(
  deps: SlackDeps,
  client: WebClient,
  request: RequestSummary,
): Promise<void> {
  // The daily "requests waiting" reminders show it with Approve and Deny too.
  await refreshNoticeCopies(deps, client, {
    workspaceId: request.workspaceId,
    subject: { kind: "request", id: request.id },
  });
  const copies = await listCopies(deps.db, { workspaceId: request.workspaceId, requestId: request.id });
  for (const copy of copies) {
    try {
      // In the language the copy was posted in, so a message never changes language under its reader.
      const message = buildRequestMessage(catalogFor(copy.language), request);
      await client.chat.update({ channel: copy.channelId, ts: copy.messageTs, ...message });
    } catch (error) {
      deps.logger.warn("could not update a copy of a license request", {
        ...describeError(error),
        requestId: request.id,
        channelId: copy.channelId,
      });
    }
  }
}

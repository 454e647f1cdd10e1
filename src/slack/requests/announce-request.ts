import type { WebClient } from "@slack/web-api";
import {
  loadReaderLanguages,
  loadWorkspaceLanguage,
} from "../../licensing/language/load-reader-languages.ts";
import type { Language } from "../../licensing/language/reader-language.ts";
import { listApprovers } from "../../licensing/requests/list-approvers.ts";
import { loadRequestSummary, type RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import { approvalsChannelOf } from "../../licensing/workspaces/approvals-channel.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { describeError } from "../shared/logger.ts";
import type { Message } from "../shared/message-parts.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { updateRequestCopies } from "./publish-decision.ts";
import { claimCopy, recordCopy, releaseCopy } from "./request-copies.ts";
import { buildRequestMessage } from "./request-message.ts";

/** Slack message metadata naming the request, so a copy found in a channel leads back to its row. */
export const REQUEST_EVENT_TYPE = "license_request";

type Posted = "posted" | "already" | "failed";

/**
 * Posts a filed request to the approvers: the approvals channel when one is chosen or set, else each admin's
 * DM (never the requester's own), recording every copy so a decision can update them all. Each
 * approver gets a request once, however often this runs; one failed post does not stop the others.
 * The request is already filed when this runs, so it never throws: failures are logged.
 */
export async function announceRequest(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; requestId: string },
): Promise<void> {
  try {
    const request = await loadRequestSummary(deps.db, input);
    if (request?.status !== "pending" || !request.workspaceActive) return;
    await postToApprovers(deps, client, request);
    // A decision made while the copies went out may not have seen the last of them; whichever of
    // the two looks last brings them all up to date.
    const now = await loadRequestSummary(deps.db, input);
    if (now && now.status !== "pending") await updateRequestCopies(deps, client, now);
  } catch (error) {
    deps.logger.error("announcing a license request failed", { ...describeError(error), ...input });
  }
}

async function postToApprovers(deps: SlackDeps, client: WebClient, request: RequestSummary): Promise<void> {
  // The channel reads the workspace's default; each approver's DM is in their own language.
  const worded = (language: Language) => ({
    language,
    message: buildRequestMessage(catalogFor(language), request),
  });
  const ids = { workspaceId: request.workspaceId, requestId: request.id };
  const channel = await approvalsChannelOf(deps.db, request.workspaceId, deps.approvalsChannel);
  if (channel) {
    const posted = await postCopy(
      deps,
      client,
      request,
      channel,
      worded(await loadWorkspaceLanguage(deps.db, request.workspaceId)),
    );
    if (posted !== "failed") return;
    deps.logger.warn("approvals channel refused the request; sending it to each admin instead", ids);
  }
  const approvers = (await listApprovers(deps.db, { workspaceId: request.workspaceId })).filter(
    (a) => a.personId !== request.requester.id,
  );
  if (approvers.length === 0) deps.logger.warn("a license request has nobody to approve it", ids);
  const languages = await loadReaderLanguages(
    deps.db,
    request.workspaceId,
    approvers.map((a) => a.slackUserId),
  );
  for (const approver of approvers) {
    const channel = await openDm(deps, client, approver.slackUserId);
    const language = languages.get(approver.slackUserId) ?? "en";
    if (channel) await postCopy(deps, client, request, channel, worded(language));
  }
}

/** The DM channel with a user: its id is what a later chat.update needs. */
async function openDm(deps: SlackDeps, client: WebClient, userId: string): Promise<string | null> {
  try {
    const opened = await client.conversations.open({ users: userId });
    return opened.channel?.id ?? null;
  } catch (error) {
    deps.logger.warn("could not open a DM with an approver", { ...describeError(error), userId });
    return null;
  }
}

async function postCopy(
  deps: SlackDeps,
  client: WebClient,
  request: RequestSummary,
  channelId: string,
  { language, message }: { language: Language; message: Message },
): Promise<Posted> {
  const copy = { requestId: request.id, channelId };
  const claim = { ...copy, workspaceId: request.workspaceId, at: deps.clock.now(), language };
  if (!(await claimCopy(deps.db, claim))) return "already";
  try {
    const posted = await client.chat.postMessage({
      channel: channelId,
      ...message,
      metadata: { event_type: REQUEST_EVENT_TYPE, event_payload: { request_id: request.id } },
    });
    await recordCopy(deps.db, { ...copy, messageTs: posted.ts as string });
    return "posted";
  } catch (error) {
    deps.logger.warn("could not post a license request", {
      ...describeError(error),
      requestId: request.id,
      channelId,
    });
    await releaseCopy(deps.db, copy).catch(() => {});
    return "failed";
  }
}

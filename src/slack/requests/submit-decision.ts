import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Actor } from "../../licensing/actor.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import {
  type DecideRequestOutcome,
  type Decision,
  decideRequest,
} from "../../licensing/requests/decide-request.ts";
import { loadRequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { failureText } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { type DeliveryClaim, handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { buildNoticeModal } from "../shared/notice-modal.ts";
import { refuseForgedMetadata } from "../shared/refuse-forged-metadata.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { publishDecision } from "./publish-decision.ts";
import { alreadyDecidedText } from "./request-message.ts";
import { mention } from "./request-parts.ts";

const metadataSchema = z.object({ workspaceId: z.string(), requestId: z.string() });

export interface DecisionSubmission {
  workspaceId: string;
  userId: string;
  viewId: string;
  /** Changes with every update of the view: with the id, what tells a new submission from a repeat. */
  viewHash: string;
  privateMetadata: string;
  decision: Decision;
  note: string;
}

/**
 * A submitted approval or denial, after the modal shows that it is working: everything is checked
 * again by the domain, which lets exactly one decision win. The winner updates every copy of the
 * request and tells the requester; the view's id and hash make a repeated submission decide once.
 */
export async function submitDecision(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  submission: DecisionSubmission,
): Promise<void> {
  const { workspaceId, viewId } = submission;
  const delivery = {
    reader: t,
    name: "request decision",
    workspaceId,
    requestId: viewId,
    context: { viewId },
  };
  await handleDeliveryOnce<ModalView>(deps, delivery, {
    work: (claim) => decide(t, deps, client, submission, claim),
    answer: (view) => client.views.update({ view_id: viewId, view }),
    failed: (text) => buildNoticeModal(t, text),
  });
  // An approval may have queued a change for the tenant (rule 13), and notices: made and sent now.
  if (submission.decision === "approve") await sendQueuedNotices(deps, client, { workspaceId });
}

/** The modal's last word, or null when this delivery is a repeat and the first one answers. */
async function decide(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  submission: DecisionSubmission,
  claim: DeliveryClaim,
): Promise<ModalView | null> {
  const { workspaceId, userId, viewId, decision } = submission;
  const actor: Actor = { userId, source: "modal", requestId: viewId };
  const meta = viewMetadataFor(metadataSchema, submission.privateMetadata, workspaceId);
  if (!meta) {
    return buildNoticeModal(
      t,
      await refuseForgedMetadata(t, deps, { workspaceId, actor, attempted: `request.${decision}`, viewId }),
    );
  }
  if (!(await claim.claim(deliveryKey.submission({ id: viewId, hash: submission.viewHash })))) return null;
  const { requestId } = meta;
  // Admin rights change in Slack: the decision is judged on what Slack says now.
  const acting = await actingPerson(deps, client, workspaceId, userId);
  const outcome = await decideRequest(deps.db, deps.clock, {
    workspaceId,
    requestId,
    decision,
    note: submission.note,
    actor,
  });
  if (outcome.ok) {
    const request = await loadRequestSummary(deps.db, { workspaceId, requestId });
    const assigned = outcome.assignment?.ok ? outcome.assignment : null;
    if (request)
      await publishDecision(deps, client, request, {
        // Nothing is on until the tenant has assigned it (rule 13).
        turnedOn: assigned && !assigned.pendingInTenant ? assigned.enabled.map((s) => s.name) : null,
      });
    if (outcome.status === "denied") return buildNoticeModal(t, t["request.done.denied"]());
    const words = {
      product: escapeMrkdwn(request?.product.name ?? ""),
      person: request ? mention(request.person.slackUserId) : "",
    };
    if (assigned?.pendingInTenant)
      return buildNoticeModal(t, t["request.done.approved_pending_in_tenant"](words));
    return buildNoticeModal(
      t,
      assigned
        ? t["request.done.approved"]({ ...words, seats: t["seats.available"](assigned.seats) })
        : t["request.done.approved_already_held"](words),
    );
  }
  if (outcome.code === "UNKNOWN_REQUEST") {
    await recordUnknownTarget(deps.db, deps.clock, {
      workspaceId,
      actor,
      attempted: `request.${decision}`,
      targets: [{ type: "license_request", id: requestId }],
    });
  }
  return buildNoticeModal(
    t,
    await refusalText(t, deps, outcome, { workspaceId, requestId, timeZone: acting?.timeZone }),
  );
}

async function refusalText(
  t: Catalog,
  deps: SlackDeps,
  outcome: Exclude<DecideRequestOutcome, { ok: true }>,
  input: { workspaceId: string; requestId: string; timeZone: string | null | undefined },
): Promise<string> {
  if ("requestStillPending" in outcome)
    return t["request.done.not_assigned"]({
      message: failureText(t, outcome, { timeZone: input.timeZone ?? "UTC" }),
    });
  if (outcome.code === "ALREADY_DECIDED") {
    const request = await loadRequestSummary(deps.db, input);
    if (request && request.status !== "pending") return alreadyDecidedText(t, request);
  }
  return failureText(t, outcome, { timeZone: input.timeZone ?? "UTC" });
}

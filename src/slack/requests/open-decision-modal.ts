import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import { recordRefusal } from "../../licensing/record-refusal.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import type { Decision } from "../../licensing/requests/decide-request.ts";
import { loadRequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildDecisionModal } from "./request-decision-modal.ts";
import { alreadyDecidedText } from "./request-message.ts";

export interface DecisionClick {
  workspaceId: string;
  userId: string;
  triggerId: string;
  requestId: string;
  decision: Decision;
}

/**
 * What an Approve or Deny click shows in the modal it opened: the decision form once the server has
 * checked the clicker is an admin here, not the requester, and the request still pending. A refused
 * click is shown in the modal and put on the record.
 */
export async function decisionView(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  click: DecisionClick,
): Promise<ModalView> {
  const actor: Actor = { userId: click.userId, source: "button", requestId: click.triggerId };
  const refusal = { workspaceId: click.workspaceId, actor, attempted: `request.${click.decision}` };
  const target = { targetType: "license_request", targetId: click.requestId };
  const admin = await actingAdmin(deps, client, { ...refusal, ...target });
  if (!admin) return buildNoticeModal(t, errorText(t, "NOT_ALLOWED"));
  const refuse = async (code: "OWN_REQUEST" | "ALREADY_DECIDED", text: string) => {
    await recordRefusal(deps.db, deps.clock, { ...refusal, ...target, reason: code });
    return buildNoticeModal(t, text);
  };
  const request = await loadRequestSummary(deps.db, click);
  if (!request) {
    await recordUnknownTarget(deps.db, deps.clock, {
      ...refusal,
      targets: [{ type: "license_request", id: click.requestId }],
    });
    return buildNoticeModal(t, errorText(t, "UNKNOWN_REQUEST"));
  }
  if (request.status !== "pending") return refuse("ALREADY_DECIDED", alreadyDecidedText(t, request));
  if (request.requester.id === admin.id) return refuse("OWN_REQUEST", errorText(t, "OWN_REQUEST"));
  return buildDecisionModal(t, request, click.decision, {
    workspaceId: click.workspaceId,
    requestId: request.id,
  });
}

import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import type { Decision } from "../../licensing/requests/decide-request.ts";
import type { RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
import { ids } from "../shared/ids.ts";
import { context, section } from "../shared/message-parts.ts";
import { provisioningLines, reasonLine, requestHeading, seatsLine } from "./request-parts.ts";

/** The longest note or reason an admin may type; the domain keeps at most as much. */
export const DECISION_NOTE_MAX = 1000;
const PRIVATE_METADATA_MAX = 3000;

/** What a decision's submission needs: ids only, the rest is re-read and re-checked on submit. */
export interface DecisionMetadata {
  workspaceId: string;
  requestId: string;
}

/**
 * The modal an Approve or Deny click opens: the request as the approvers' message shows it, the
 * seats left and what approval turns on; approving takes an optional note, denying a reason.
 */
export function buildDecisionModal(
  t: Catalog,
  request: RequestSummary,
  decision: Decision,
  metadata: DecisionMetadata,
): ModalView {
  const privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > PRIVATE_METADATA_MAX) throw new Error("private_metadata over Slack's limit");
  const approving = decision === "approve";
  const blocks: KnownBlock[] = [
    section(requestHeading(t, request)),
    section(reasonLine(t, request)),
    section(provisioningLines(t, request)),
    context([seatsLine(t, request)]),
  ];
  if (approving && request.seats.available <= 0) blocks.push(section(t["request.modal.no_seats"]()));
  blocks.push(noteInput(t, approving));
  return {
    type: "modal",
    callback_id: approving ? ids.requestDecision.approveCallbackId : ids.requestDecision.denyCallbackId,
    private_metadata: privateMetadata,
    title: {
      type: "plain_text",
      text: approving ? t["request.modal.approve.title"]() : t["request.modal.deny.title"](),
    },
    submit: { type: "plain_text", text: approving ? t["request.approve"]() : t["request.deny"]() },
    close: { type: "plain_text", text: t["request.modal.cancel"]() },
    blocks,
  };
}

function noteInput(t: Catalog, approving: boolean): InputBlock {
  return {
    type: "input",
    block_id: ids.requestDecision.noteBlock,
    optional: approving,
    label: {
      type: "plain_text",
      text: approving ? t["request.modal.note.label"]() : t["request.modal.reason.label"](),
    },
    ...(approving ? {} : { hint: { type: "plain_text" as const, text: t["request.modal.reason.hint"]() } }),
    element: {
      type: "plain_text_input",
      action_id: ids.requestDecision.noteAction,
      multiline: true,
      max_length: DECISION_NOTE_MAX,
    },
  };
}

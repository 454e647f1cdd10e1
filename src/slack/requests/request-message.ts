import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstantForEachReader } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { context, type Message, message, section } from "../shared/message-parts.ts";
import {
  freeText,
  mention,
  provisioningLines,
  reasonLine,
  requestHeading,
  seatsLine,
} from "./request-parts.ts";

/** Words for a request's status, once it is no longer pending. */
const STATUS_WORDS = {
  pending: en["request.status.decided"],
  approved: en["request.status.approved"],
  denied: en["request.status.denied"],
  cancelled: en["request.status.cancelled"],
  expired: en["request.status.expired"],
} as const;

export const statusWord = (status: RequestSummary["status"]) => STATUS_WORDS[status]();

/**
 * A request as the approvers see it: who asks, for whom, which product and why, the seats left,
 * what approving turns on and what the person's location skips. While it is pending it carries
 * Approve and Deny; once decided, who decided and when, and no buttons.
 */
export function buildRequestMessage(request: RequestSummary): Message {
  const blocks: KnownBlock[] = [
    section(requestHeading(request)),
    section(reasonLine(request)),
    section(provisioningLines(request)),
    context([
      seatsLine(request),
      en["request.message.filed_at"]({ date: formatInstantForEachReader(request.createdAt) }),
    ]),
  ];
  const product = escapeMrkdwn(request.product.name);
  if (request.status === "pending") {
    blocks.push(decisionButtons(request.id));
    return message(en["request.message.fallback"]({ product }), blocks);
  }
  blocks.push(section(decisionLines(request)));
  return message(
    en["request.message.fallback.decided"]({ product, status: statusWord(request.status) }),
    blocks,
  );
}

function decisionButtons(requestId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: `request.decide.${requestId}`,
    elements: [
      {
        type: "button",
        action_id: ids.request.approveAction,
        value: requestId,
        style: "primary",
        text: { type: "plain_text", text: en["request.approve"]() },
      },
      {
        type: "button",
        action_id: ids.request.denyAction,
        value: requestId,
        style: "danger",
        text: { type: "plain_text", text: en["request.deny"]() },
      },
    ],
  };
}

/** "Approved by @x at <time>", and the note or reason they gave. */
export function decisionLines(request: RequestSummary): string {
  const decision = request.decision;
  const date = formatInstantForEachReader(decision?.at ?? request.createdAt);
  const by = decision?.by ? mention(decision.by.slackUserId) : en["request.someone"]();
  const note = decision?.note?.trim() ? freeText(decision.note) : "";
  switch (request.status) {
    case "approved":
      return [
        en["request.decided.approved"]({ by, date }),
        ...(note ? [en["request.decided.note"]({ note })] : []),
      ].join("\n");
    case "denied":
      return [
        en["request.decided.denied"]({ by, date }),
        ...(note ? [en["request.decided.reason"]({ reason: note })] : []),
      ].join("\n");
    case "cancelled":
      return en["request.decided.cancelled"]({ date });
    default:
      return en["request.decided.expired"]({ date });
  }
}

/** For an approver who comes too late: "already approved by @x at <time>". */
export function alreadyDecidedText(request: RequestSummary): string {
  const status = statusWord(request.status);
  const date = formatInstantForEachReader(request.decision?.at ?? request.createdAt);
  const by = request.decision?.by;
  return by
    ? en["request.already_decided"]({ status, by: mention(by.slackUserId), date })
    : en["request.already_closed"]({ status, date });
}

import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
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
  pending: "request.status.decided",
  approved: "request.status.approved",
  denied: "request.status.denied",
  cancelled: "request.status.cancelled",
  expired: "request.status.expired",
} as const satisfies Record<RequestSummary["status"], keyof Catalog>;

export const statusWord = (t: Catalog, status: RequestSummary["status"]) => t[STATUS_WORDS[status]]();

/**
 * A request as the approvers see it: who asks, for whom, which product and why, the seats left,
 * what approving turns on and what the person's location skips. While it is pending it carries
 * Approve and Deny; once decided, who decided and when, and no buttons.
 */
export function buildRequestMessage(t: Catalog, request: RequestSummary): Message {
  const blocks: KnownBlock[] = [
    section(requestHeading(t, request)),
    section(reasonLine(t, request)),
    section(provisioningLines(t, request)),
    context([
      seatsLine(t, request),
      t["request.message.filed_at"]({ date: formatInstantForEachReader(t, request.createdAt) }),
    ]),
  ];
  const product = escapeMrkdwn(request.product.name);
  if (request.status === "pending") {
    blocks.push(decisionButtons(t, request.id));
    return message(t["request.message.fallback"]({ product }), blocks);
  }
  blocks.push(section(decisionLines(t, request)));
  return message(
    t["request.message.fallback.decided"]({ product, status: statusWord(t, request.status) }),
    blocks,
  );
}

function decisionButtons(t: Catalog, requestId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: `request.decide.${requestId}`,
    elements: [
      {
        type: "button",
        action_id: ids.request.approveAction,
        value: requestId,
        style: "primary",
        text: { type: "plain_text", text: t["request.approve"]() },
      },
      {
        type: "button",
        action_id: ids.request.denyAction,
        value: requestId,
        style: "danger",
        text: { type: "plain_text", text: t["request.deny"]() },
      },
    ],
  };
}

/** "Approved by @x at <time>", and the note or reason they gave. */
export function decisionLines(t: Catalog, request: RequestSummary): string {
  const decision = request.decision;
  const date = formatInstantForEachReader(t, decision?.at ?? request.createdAt);
  const by = decision?.by ? mention(decision.by.slackUserId) : t["request.someone"]();
  const note = decision?.note?.trim() ? freeText(decision.note) : "";
  switch (request.status) {
    case "approved":
      return [
        t["request.decided.approved"]({ by, date }),
        ...(note ? [t["request.decided.note"]({ note })] : []),
      ].join("\n");
    case "denied":
      return [
        t["request.decided.denied"]({ by, date }),
        ...(note ? [t["request.decided.reason"]({ reason: note })] : []),
      ].join("\n");
    case "cancelled":
      return t["request.decided.cancelled"]({ date });
    default:
      return t["request.decided.expired"]({ date });
  }
}

/** For an approver who comes too late: "already approved by @x at <time>". */
export function alreadyDecidedText(t: Catalog, request: RequestSummary): string {
  const status = statusWord(t, request.status);
  const date = formatInstantForEachReader(t, request.decision?.at ?? request.createdAt);
  const by = request.decision?.by;
  return by
    ? t["request.already_decided"]({ status, by: mention(by.slackUserId), date })
    : t["request.already_closed"]({ status, date });
}

import type { RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { type Message, message, section } from "../shared/message-parts.ts";
import { freeText, mention, nameList } from "./request-parts.ts";

/**
 * What the requester reads once their request is decided: approved or denied, by whom, with the
 * admin's note or reason, and, for an approval, what was turned on.
 */
export function buildRequestOutcomeMessage(
  t: Catalog,
  request: RequestSummary,
  options: { turnedOn: readonly string[] | null },
): Message {
  const words = {
    product: escapeMrkdwn(request.product.name),
    person: mention(request.person.slackUserId),
    by: request.decision?.by ? mention(request.decision.by.slackUserId) : t["request.someone"](),
  };
  const forSelf = request.person.id === request.requester.id;
  const approved = request.status === "approved";
  const heading = approved
    ? forSelf
      ? t["request.outcome.approved.self"](words)
      : t["request.outcome.approved"](words)
    : forSelf
      ? t["request.outcome.denied.self"](words)
      : t["request.outcome.denied"](words);
  const lines: string[] = [];
  const note = request.decision?.note?.trim() ?? "";
  if (note !== "") {
    lines.push(
      approved
        ? t["request.decided.note"]({ note: freeText(note) })
        : t["request.decided.reason"]({ reason: freeText(note) }),
    );
  }
  if (approved && options.turnedOn && options.turnedOn.length > 0) {
    lines.push(t["request.outcome.turned_on"]({ services: nameList(t, options.turnedOn) }));
  }
  return message(heading, [section(heading), ...(lines.length > 0 ? [section(lines.join("\n"))] : [])]);
}

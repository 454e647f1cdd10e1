import type { RequestSummary } from "../../licensing/requests/load-request-summary.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, truncate } from "../copy/format.ts";

/**
 * A reason or note is the requester's or admin's own text: shown in full up to this, then cut.
 * A reason may hold 1,000 characters, and an emoji is two UTF-16 units or more: room for both.
 */
const FREE_TEXT_MAX = 2000;
/** Room for a list of service names in a section, with its label and "…and N more". */
const NAMES_BUDGET = 1500;

/** A Slack user mention: Slack shows each reader the current name. */
export const mention = (slackUserId: string) => `<@${slackUserId}>`;

/** Text people typed, safe for mrkdwn and cut to a length a message can carry. */
export function freeText(text: string): string {
  return escapeMrkdwn(truncate(text.trim(), FREE_TEXT_MAX));
}

/** Names joined with commas, as many as fit, then "…and N more". */
export function nameList(t: Catalog, names: readonly string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const [index, raw] of names.entries()) {
    const name = escapeMrkdwn(truncate(raw, 200));
    if (length + name.length + 2 > NAMES_BUDGET) {
      return `${shown.join(", ")} ${t["list.more"]({ count: names.length - index })}`;
    }
    shown.push(name);
    length += name.length + 2;
  }
  return shown.join(", ");
}

/** "@Requester asks for *Product* for @Person." */
export function requestHeading(t: Catalog, request: RequestSummary): string {
  const words = {
    requester: mention(request.requester.slackUserId),
    product: escapeMrkdwn(request.product.name),
  };
  return request.person.id === request.requester.id
    ? t["request.message.heading.self"](words)
    : t["request.message.heading.other"]({ ...words, person: mention(request.person.slackUserId) });
}

export function reasonLine(t: Catalog, request: RequestSummary): string {
  return request.reason.trim() === ""
    ? t["request.message.no_reason"]()
    : t["request.message.reason"]({ reason: freeText(request.reason) });
}

/** Rules 3 and 4: what approving turns on at the person's usage location, and what it skips and why. */
export function provisioningLines(t: Catalog, request: RequestSummary): string {
  if (!request.person.usageLocation) return t["request.message.no_location"]();
  const lines = [
    request.provisioned.length > 0
      ? t["request.message.provisions"]({
          services: nameList(
            t,
            request.provisioned.map((s) => s.name),
          ),
        })
      : t["request.message.provisions_nothing"](),
  ];
  if (request.skipped.length > 0) {
    lines.push(
      t["request.message.skipped"]({
        services: nameList(
          t,
          request.skipped.map((s) => s.name),
        ),
        location: escapeMrkdwn(request.person.usageLocation),
      }),
    );
  }
  return lines.join("\n");
}

export function seatsLine(t: Catalog, request: RequestSummary): string {
  return t["request.message.seats"]({
    product: escapeMrkdwn(request.product.name),
    seats: t["seats.available"]({
      available: request.seats.available,
      purchased: request.seats.purchased,
    }),
  });
}

import type { Failure } from "../../licensing/outcome.ts";
import { describeFailure } from "../copy/describe-failure.ts";
import type { Catalog } from "../copy/en.ts";
import { MESSAGE_BLOCKS_MAX, type Message, message, packSections, section } from "./message-parts.ts";

/**
 * A domain refusal as a short message: what happened, named and made specific by the failure's
 * details (whose license, which product, how many seats to free, when the window closed, who
 * decided the request, …), then what to do next. Dates are in the viewer's time zone.
 */
export function buildErrorMessage(t: Catalog, failure: Failure, options: { timeZone: string }): Message {
  const { summary, items, next } = describeFailure(t, failure, options);
  if (items.length === 0) return message(`${summary} ${next}`, [section(`${summary} ${next}`)]);
  return message(`${summary} ${next}`, [
    section(summary),
    ...packSections(
      t,
      items.map((item) => t["error.detail.item"]({ item })),
      MESSAGE_BLOCKS_MAX - 2,
    ),
    section(next),
  ]);
}

/** The sentence form, what happened and what to do, for a line in a longer message or a reply. */
export function failureText(t: Catalog, failure: Failure, options: { timeZone: string }): string {
  const { summary, next } = describeFailure(t, failure, options);
  return `${summary} ${next}`;
}

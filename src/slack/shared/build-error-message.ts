import type { Failure } from "../../licensing/outcome.ts";
import { describeFailure } from "../copy/describe-failure.ts";
import { en } from "../copy/en.ts";
import { MESSAGE_BLOCKS_MAX, type Message, message, packSections, section } from "./message-parts.ts";

/**
 * A domain refusal as a short message: what happened, named and made specific by the failure's
 * details (whose license, which product, how many seats to free, when the window closed, who
 * decided the request, …), then what to do next. Dates are in the viewer's time zone.
 */
export function buildErrorMessage(failure: Failure, options: { timeZone: string }): Message {
  const { summary, items, next } = describeFailure(failure, options);
  if (items.length === 0) return message(`${summary} ${next}`, [section(`${summary} ${next}`)]);
  return message(`${summary} ${next}`, [
    section(summary),
    ...packSections(
      items.map((item) => en["error.detail.item"]({ item })),
      MESSAGE_BLOCKS_MAX - 2,
    ),
    section(next),
  ]);
}

/** The sentence form, what happened and what to do, for a line in a longer message or a reply. */
export function failureText(failure: Failure, options: { timeZone: string }): string {
  const { summary, next } = describeFailure(failure, options);
  return `${summary} ${next}`;
}

import type { Failure } from "../../licensing/outcome.ts";
import { en } from "../copy/en.ts";
import { describeFailure, errorText } from "../copy/licensing-codes.ts";
import { MESSAGE_BLOCKS_MAX, type Message, message, packSections, section } from "./message-parts.ts";

/**
 * A domain refusal as a short message: the code's words from the catalog, made specific where the
 * failure carries details (how many seats to free, which products lack seats, when the window
 * closed, who decided the request, …). Dates are in the viewer's time zone.
 */
export function buildErrorMessage(failure: Failure, options: { timeZone: string }): Message {
  const { summary, items } = describeFailure(failure, options);
  return message(errorText(failure.code), [
    section(summary),
    ...packSections(
      items.map((item) => en["error.detail.item"]({ item })),
      MESSAGE_BLOCKS_MAX - 1,
    ),
  ]);
}

/** The one-sentence form, for a line in a longer message (one person's failure among several). */
export function failureText(failure: Failure, options: { timeZone: string }): string {
  return describeFailure(failure, options).summary;
}

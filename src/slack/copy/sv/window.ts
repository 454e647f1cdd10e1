import { count, nouns } from "./plural.ts";

/**
 * The end of a restore window, said one way in every Swedish message: what can be done until
 * that instant, and what happens after it. It follows its subject without agreeing with it, so
 * "Informationen", "Den" and "Deras data" all read. `date` is already formatted for the reader.
 */
export function restorableUntil(date: string, daysLeft?: number): string {
  const left = daysLeft !== undefined && daysLeft > 0 ? ` (${count(daysLeft, nouns.day)} kvar)` : "";
  return `kan återställas fram till ${date}${left} och raderas sedan`;
}

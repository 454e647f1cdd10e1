import { count, nouns } from "./plural.ts";

/**
 * The end of a restore window, said one way in every message: what can be done until that
 * instant, and what happens after it. `date` is already formatted for the reader.
 */
export function restorableUntil(date: string, daysLeft?: number): string {
  const left = daysLeft !== undefined && daysLeft > 0 ? ` (${count(daysLeft, nouns.day)} left)` : "";
  return `can be restored until ${date}${left}; deleted after that`;
}

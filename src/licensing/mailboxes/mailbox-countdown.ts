import { addMonths } from "../clock.ts";

export interface MailboxState {
  sizeMb: number;
  quotaMb: number;
  licensed: boolean;
  overQuotaSince: Date | null;
  lockAt: Date | null;
  lockedAt: Date | null;
}

/**
 * Rule 8: an unlicensed mailbox over its quota is locked one month after it went over. A license,
 * or coming back under quota (archiving), stops the countdown and lifts a lock.
 */
export function nextMailboxState(current: MailboxState, now: Date): MailboxState {
  const over = current.sizeMb > current.quotaMb;
  if (current.licensed || !over) {
    return { ...current, overQuotaSince: null, lockAt: null, lockedAt: null };
  }
  if (current.overQuotaSince) return current;
  return { ...current, overQuotaSince: now, lockAt: addMonths(now, 1) };
}

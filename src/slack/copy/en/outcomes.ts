import { restorableUntil } from "./window.ts";

/** " by <@U…>", or nothing when the app itself did it or the record no longer says who. */
const by = (who: string | null) => (who ? ` by <@${who}>` : "");

/**
 * What became of a reminder's subject, as a fragment that reads both on the reminder in place of
 * its buttons ("Restored by …") and in the answer to a button that came too late ("Already
 * restored by …"). `date` is already formatted for the reader.
 */
export const outcomes = {
  "outcome.window.restored": (p: { who: string | null; date: string }) =>
    `restored${by(p.who)} on ${p.date}: the license and its data are back`,
  "outcome.window.let_expire": (p: { who: string | null; date: string; until: string }) =>
    `set to expire${by(p.who)} on ${p.date}, so no more reminders: its data ${restorableUntil(p.until)}`,
  "outcome.window.purged": (p: { date: string }) => `deleted for good on ${p.date}, as its window ended`,
  "outcome.window.gone": () => "no longer on record: there is nothing left to restore",
  "outcome.mailbox.licensed": (p: { who: string | null; date: string | null; product: string }) =>
    `licensed with ${p.product}${by(p.who)}${p.date ? ` on ${p.date}` : ""}: it will not lock`,
  "outcome.mailbox.under_quota": (p: { who: string | null; date: string }) =>
    `back under its quota, as recorded${by(p.who)} on ${p.date}: it needs no license and will not lock`,
  "outcome.mailbox.gone": () => "no longer on record: there is nothing to license",
  "outcome.request.approved": (p: { who: string | null; date: string }) =>
    `approved${by(p.who)} on ${p.date}`,
  "outcome.request.denied": (p: { who: string | null; date: string }) => `denied${by(p.who)} on ${p.date}`,
  "outcome.request.cancelled": (p: { who: string | null; date: string }) =>
    `withdrawn${by(p.who)} on ${p.date}`,
  "outcome.request.expired": (p: { date: string }) => `expired on ${p.date}: no admin decided it in time`,
  "outcome.request.gone": () => "no longer on record: there is nothing to decide",
  /** On the reminder, where the buttons were. */
  "outcome.line": (p: { what: string }) => `*${p.what.charAt(0).toUpperCase()}${p.what.slice(1)}.*`,
  /** The answer to a button whose subject had already been settled: nothing more happens. */
  "outcome.already": (p: { what: string }) => `Already ${p.what}. Nothing was changed.`,
} as const;

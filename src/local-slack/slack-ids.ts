import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Drawn once per process: what makes this run's ids differ from every earlier run's. */
const RUN = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
let minted = 0;

/**
 * A new id in Slack's shape (`V`, `F`, `U` and the like, then capitals and digits), never handed
 * out before, not even by an earlier run: Slack's ids are unique for good, and the app keeps
 * delivery keys and drafts by them, so a stand-in that numbered from 1 again on every start would
 * make a new submission look like one already handled.
 */
export function mintSlackId(prefix: string): string {
  minted += 1;
  return `${prefix}${RUN}${minted.toString(36).toUpperCase().padStart(4, "0")}`;
}

/**
 * Slack's message and action timestamps (`1700000000.000100`): the clock's time to the
 * microsecond, made strictly increasing so that two in the same millisecond still differ.
 */
export function slackTimestamps(now: () => number): () => string {
  let lastMicros = 0;
  return () => {
    lastMicros = Math.max(Math.floor(now() * 1000), lastMicros + 1);
    return `${Math.floor(lastMicros / 1e6)}.${String(lastMicros % 1e6).padStart(6, "0")}`;
  };
}

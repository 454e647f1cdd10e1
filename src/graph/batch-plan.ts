/** Graph takes at most 20 requests in one `$batch` (graph/json-batching). */
export const BATCH_LIMIT = 20;

/** A request not yet answered for good, and not on its way. */
export interface Waiting {
  index: number;
  /** Tries made so far. */
  attempts: number;
  /** Not to be sent before this instant (ms since the epoch): Graph's Retry-After, or a backoff. 0 for a new one. */
  notBefore: number;
}

export type BatchPlan = { send: Waiting[] } | { wakeAt: number | undefined };

/**
 * What to send next, or when to look again (undefined: when a call in flight is answered).
 * `free` holds the waiting requests that may go now as far as order goes (none for the same
 * person is still unanswered before them). A full batch goes at once. A part-filled one goes at
 * once too unless more requests will be free to join it soon (a throttled one's Retry-After is
 * nearly over, or a call in flight may hand some back): then it waits for them, but never more
 * than `lingerMs` past the moment its oldest request could have gone. So the few requests Graph
 * throttled in each of many answers go back together in full batches, not a few at a time.
 */
export function planNextBatch(free: Waiting[], now: number, inFlight: number, lingerMs: number): BatchPlan {
  // Throttled requests go before new ones: each may be throttled again and wait once more, so
  // holding them back behind the new ones would add their waits to the end of the whole send.
  const ready = free
    .filter((item) => item.notBefore <= now)
    .sort((a, b) => Number(b.attempts > 0) - Number(a.attempts > 0));
  if (ready.length >= BATCH_LIMIT) return { send: ready.slice(0, BATCH_LIMIT) };
  let nextHeld = Number.POSITIVE_INFINITY;
  for (const item of free) if (item.notBefore > now) nextHeld = Math.min(nextHeld, item.notBefore);
  if (ready.length === 0) return { wakeAt: Number.isFinite(nextHeld) ? nextHeld : undefined };
  const deadline = Math.min(...ready.map((item) => item.notBefore)) + lingerMs;
  const moreComing = nextHeld <= deadline || inFlight > 0;
  if (now >= deadline || !moreComing) return { send: ready };
  return { wakeAt: Math.min(deadline, nextHeld) };
}

/** For each request, the index of the last one before it to the same URL (-1 if none). */
export function previousToSameUrl(urls: string[]): number[] {
  const last = new Map<string, number>();
  return urls.map((url, index) => {
    const before = last.get(url) ?? -1;
    last.set(url, index);
    return before;
  });
}

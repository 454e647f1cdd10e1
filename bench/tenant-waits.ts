import type { RecordedGraphRequest } from "../src/local-graph/local-graph-server.ts";

/**
 * The Retry-After waits that cannot overlap, each counted once: the waits of different changes
 * run side by side (a client waits out one while it sends others), but the waits of one change
 * come one after the other. So the least time a client must spend waiting is the longest chain
 * of Retry-Afters any one item was told, summed over its 429s: with one round of throttling
 * that is one Retry-After, however many items were throttled in it, which is what issue 16's
 * "wall ÷ (retry-after total + ideal requests × latency)" asks of a client that sends everything
 * once, waits once and sends the throttled items again. Read from what the stand-in answered,
 * not from what the client says it did; the jitter a client adds to Retry-After is its own.
 */
export function longestWaitChainMs(calls: RecordedGraphRequest[]): number {
  const chains = new Map<string, number>();
  for (const call of calls) {
    for (const item of call.items ?? []) {
      const seconds = Number(item.retryAfter);
      if (item.retryAfter === undefined || !Number.isFinite(seconds)) continue;
      chains.set(item.path, (chains.get(item.path) ?? 0) + seconds * 1000);
    }
  }
  return Math.max(0, ...chains.values());
}

/**
 * A second figure, printed beside it, that asks more of a client than the issue does: how long
 * it sat idle because it had to, i.e. the part of [start, end) in which
 *   - no call was on its way (received by the stand-in and not yet answered),
 *   - at least one item still had to be answered, and
 *   - every such item had been told to wait: its last answer so far was a 429/503 whose
 *     Retry-After had not run out yet (an item never sent yet could always have gone).
 * Each instant counts once, however many Retry-Afters cover it, and a Retry-After that runs
 * while other calls are on their way counts nothing, since that wait costs no time. What the
 * client adds on its own (jitter past Retry-After, waiting to fill a batch, slow sending) is not
 * counted: it shows in the wall time instead. An item's last answer is taken as final.
 */
export function idleWaitMs(calls: RecordedGraphRequest[], start: number, end: number): number {
  const byItem = new Map<string, { answeredAt: number; status: number; holdUntil: number }[]>();
  const points = new Set<number>([start, end]);
  for (const call of calls) {
    points.add(call.at);
    points.add(call.answeredAt);
    for (const item of call.items ?? []) {
      const seconds = Number(item.retryAfter);
      const holdUntil = Number.isFinite(seconds) ? call.answeredAt + seconds * 1000 : call.answeredAt;
      points.add(holdUntil);
      const sends = byItem.get(item.path) ?? [];
      sends.push({ answeredAt: call.answeredAt, status: item.status, holdUntil });
      byItem.set(item.path, sends);
    }
  }
  for (const sends of byItem.values()) sends.sort((a, b) => a.answeredAt - b.answeredAt);
  const sorted = [...points].filter((p) => p >= start && p <= end).sort((a, b) => a - b);

  const idleFor = (t: number): boolean => {
    if (calls.some((call) => call.at <= t && t < call.answeredAt)) return false;
    let pending = 0;
    for (const sends of byItem.values()) {
      const last = sends.findLast((send) => send.answeredAt <= t);
      if (!last) return false;
      if (last === sends.at(-1)) continue;
      if (t >= last.holdUntil) return false;
      pending++;
    }
    return pending > 0;
  };

  let idle = 0;
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1] as number;
    const to = sorted[i] as number;
    if (to > from && idleFor((from + to) / 2)) idle += to - from;
  }
  return idle;
}

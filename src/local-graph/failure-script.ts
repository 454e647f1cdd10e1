import { type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";

/** What Graph answers when it throttles (429) or cannot serve (503), with its Retry-After in seconds. */
export interface ScriptedFailure {
  status: 429 | 503;
  /** Left out: Graph sends no Retry-After, and the caller must back off on its own. */
  retryAfterSeconds?: number;
}

interface Pending {
  failure: ScriptedFailure;
  remaining: number;
  path?: RegExp;
}

/**
 * Throttling on demand: the next N Graph requests (or only those whose path matches), or the next
 * N items inside `$batch` calls, or a share of all batch items (drawn by a seedable random, or
 * exactly every Nth), answer 429 or 503 instead of being served. What is failed is not applied.
 */
export class FailureScript {
  private readonly requests: Pending[] = [];
  private readonly items: Pending[] = [];
  private itemShare: { ratio: number; failure: ScriptedFailure; random: () => number } | undefined;
  private everyNth: { n: number; failure: ScriptedFailure; seen: number } | undefined;

  failRequests(count: number, failure: ScriptedFailure, path?: RegExp): void {
    this.requests.push({ failure, remaining: count, ...(path ? { path } : {}) });
  }

  failBatchItems(count: number, failure: ScriptedFailure, path?: RegExp): void {
    this.items.push({ failure, remaining: count, ...(path ? { path } : {}) });
  }

  /** Fails about `ratio` of every batch item from now on (0 stops it). */
  failBatchItemShare(ratio: number, failure: ScriptedFailure, random: () => number = Math.random): void {
    this.itemShare = ratio > 0 ? { ratio, failure, random } : undefined;
  }

  /**
   * Fails the Nth batch item from now on, then the 2Nth, and so on, counting every item of every
   * `$batch` (resent ones too) in the order served: exactly 1/N of them, the same way each run.
   * 0 stops it.
   */
  failEveryNthBatchItem(n: number, failure: ScriptedFailure): void {
    if (n !== 0 && (!Number.isInteger(n) || n < 1))
      throw new Error(`every Nth needs a whole N ≥ 1, got ${n}`);
    this.everyNth = n > 0 ? { n, failure, seen: 0 } : undefined;
  }

  forRequest(path: string): GraphAnswer | undefined {
    return toAnswer(take(this.requests, path));
  }

  forBatchItem(path: string): GraphAnswer | undefined {
    const scripted = take(this.items, path);
    if (scripted) return toAnswer(scripted);
    if (this.everyNth && ++this.everyNth.seen % this.everyNth.n === 0) return toAnswer(this.everyNth.failure);
    if (this.itemShare && this.itemShare.random() < this.itemShare.ratio)
      return toAnswer(this.itemShare.failure);
    return undefined;
  }
}

function take(queue: Pending[], path: string): ScriptedFailure | undefined {
  const entry = queue.find((p) => p.remaining > 0 && (!p.path || p.path.test(path)));
  if (!entry) return undefined;
  entry.remaining--;
  return entry.failure;
}

function toAnswer(failure: ScriptedFailure | undefined): GraphAnswer | undefined {
  if (!failure) return undefined;
  const headers: Record<string, string> =
    failure.retryAfterSeconds === undefined ? {} : { "Retry-After": String(failure.retryAfterSeconds) };
  return failure.status === 429
    ? graphFailure(429, "TooManyRequests", graphMessages.throttled, headers)
    : graphFailure(503, "serviceNotAvailable", graphMessages.unavailable, headers);
}

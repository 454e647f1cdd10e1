/** How long to wait before trying a throttled request again (graph/throttling). */
export interface RetryPolicy {
  /** Tries in all, the first included; past them the last answer stands. */
  maxAttempts: number;
  /** The first backoff when Graph gives no Retry-After; doubled at each try. */
  baseDelayMs: number;
  /** No single wait is longer, whatever Retry-After asks: a caller with work queued must get it back. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * With Retry-After, waits what Graph asked plus up to a tenth more, so that many callers told the
 * same second do not all come back in it; without, an exponential backoff with jitter (half of
 * the step fixed, half random). `attempt` counts the tries made so far, from 1.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const asked = retryAfterMs(retryAfter, now);
  const delay =
    asked !== undefined
      ? asked + random() * asked * 0.1
      : (() => {
          const step = policy.baseDelayMs * 2 ** (attempt - 1);
          return step / 2 + random() * (step / 2);
        })();
  return Math.min(policy.maxDelayMs, Math.max(0, Math.round(delay)));
}

/** Retry-After is seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(
  value: string | null | undefined,
  now: () => number = Date.now,
): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

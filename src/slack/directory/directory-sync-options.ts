/** How the daily directory sync meets Slack's rate limits: a type only, so its callers can name it without importing the sync. */
export interface RateLimitPolicy {
  /** Waits this long; injectable so tests need not wait for real. */
  sleep(ms: number): Promise<void>;
  /** Gives up after this many 429s in one sync: the next scheduled run starts over. */
  maxWaits: number;
  /** A Retry-After longer than this is not waited out inside the sync. */
  maxWaitSeconds: number;
}

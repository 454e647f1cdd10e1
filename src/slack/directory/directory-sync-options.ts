/** How the daily directory sync runs: types only, so the app's dependencies can name them without importing the sync. */
export interface RateLimitPolicy {
  /** Waits this long; injectable so tests need not wait for real. */
  sleep(ms: number): Promise<void>;
  /** Gives up after this many 429s in one sync: the next scheduled run starts over. */
  maxWaits: number;
  /** A Retry-After longer than this is not waited out inside the sync. */
  maxWaitSeconds: number;
}

export interface DirectorySyncOptions {
  /**
   * How often to look whether today's sync (a UTC day) has run anywhere; it runs once a day per
   * workspace whichever instance gets there first. Default: hourly.
   */
  checkEveryMs?: number;
  rateLimit?: RateLimitPolicy;
}

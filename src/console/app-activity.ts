import type { App } from "@slack/bolt";

/**
 * Counts the requests the app is still working on. Bolt acknowledges first and works on after the
 * HTTP answer; a global middleware's `next()` resolves when the listeners are done, so counting
 * around it tells when everything a request set off has been sent.
 */
export class AppActivity {
  started = 0;
  #inFlight = 0;

  watch(app: App): void {
    app.use(async ({ next }) => {
      this.started += 1;
      this.#inFlight += 1;
      try {
        await next();
      } finally {
        this.#inFlight -= 1;
      }
    });
  }

  /** Waits until a request after the `startedBefore`-th has begun and none is in flight; false on timeout. */
  async idleAfter(startedBefore: number, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.started <= startedBefore || this.#inFlight > 0) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }
}

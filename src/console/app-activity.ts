import type { InFlightWork } from "../slack/shared/in-flight.ts";

/**
 * Tells the console when the app is done with what a line set off: the running app counts its
 * requests in flight (each one until its listeners are done, well after the HTTP answer).
 */
export class AppActivity {
  constructor(private readonly work: InFlightWork) {}

  get started(): number {
    return this.work.started;
  }

  /** Waits until a request after the `startedBefore`-th has begun and none is in flight; false on timeout. */
  async idleAfter(startedBefore: number, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.work.started <= startedBefore || this.work.count > 0) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }
}

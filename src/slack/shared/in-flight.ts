import type { App } from "@slack/bolt";

/**
 * The requests the app is still working on, so that a stop waits for them. Bolt acknowledges first
 * and works on after the HTTP answer; a global middleware's `next()` resolves when the listeners are
 * done, so counting around it tells when everything a request set off has been sent. HTTP requests
 * are counted from their first byte too (`begin`), which covers the body Bolt has yet to read.
 */
export class InFlightWork {
  /** How many requests have begun, ever. */
  started = 0;
  readonly #running = new Map<number, string>();
  #nextId = 0;
  #idle: (() => void)[] = [];

  get count(): number {
    return this.#running.size;
  }

  /** Counts Bolt's work per request: a command, an action, a view, an event. */
  watch(app: App): void {
    app.use(async ({ body, next }) => {
      const done = this.begin(describeRequest(body));
      try {
        await next();
      } finally {
        done();
      }
    });
  }

  /** Counts one piece of work until the returned function is called (once is enough; more do nothing). */
  begin(label: string): () => void {
    this.started += 1;
    const id = this.#nextId++;
    this.#running.set(id, label);
    return () => {
      if (!this.#running.delete(id) || this.#running.size > 0) return;
      for (const resolve of this.#idle.splice(0)) resolve();
    };
  }

  /** Resolves once nothing is in flight: at once when nothing is. */
  idle(): Promise<void> {
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** What is running, for a log line: e.g. ["/license status", "block_actions approve_request"]. */
  describe(): string[] {
    return [...this.#running.values()];
  }
}

function describeRequest(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.command === "string") {
    const verb = typeof b.text === "string" ? b.text.trim().split(/\s+/)[0] : "";
    return verb ? `${b.command} ${verb}` : b.command;
  }
  const event = b.event as { type?: unknown } | undefined;
  if (typeof event?.type === "string") return `event ${event.type}`;
  const action = (b.actions as { action_id?: unknown }[] | undefined)?.[0]?.action_id;
  if (typeof action === "string") return `${String(b.type)} ${action}`;
  const view = b.view as { callback_id?: unknown } | undefined;
  if (typeof view?.callback_id === "string") return `${String(b.type)} ${view.callback_id}`;
  return typeof b.type === "string" ? b.type : "a Slack request";
}

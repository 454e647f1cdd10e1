import { BATCH_LIMIT, planNextBatch, previousToSameUrl, type Waiting } from "./batch-plan.ts";
import type { GraphClient, HttpMethod } from "./graph-client.ts";
import { GraphError, graphErrorFrom, isRetryableStatus } from "./graph-error.ts";
import { retryDelayMs } from "./retry-delay.ts";

export { BATCH_LIMIT };

export interface BatchRequest {
  method: HttpMethod;
  /** Relative to the version root, e.g. `/users/{id}/assignLicense`. */
  url: string;
  body?: unknown;
}

export type BatchResult = { ok: true; status: number; body: unknown } | { ok: false; error: GraphError };

export interface BatchOptions {
  /** `$batch` calls on their way at once. */
  concurrency?: number;
  /** How long past its Retry-After a throttled request may wait for others to fill its batch. */
  lingerMs?: number;
}

/** A few calls at once keep the wire busy without asking Graph to throttle the app as a whole. */
export const DEFAULT_BATCH_CONCURRENCY = 4;
export const DEFAULT_LINGER_MS = 100;

interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Sends `requests` in `$batch` calls of at most 20, a few calls at once, and answers for each, in
 * order. Each item has its own status: only the items Graph throttled (429) or could not serve
 * (503/504) are sent again, not before their Retry-After (a jittered backoff without one), each
 * up to the client's tries; an item answered otherwise is never sent again. Items waiting to be
 * retried fill later batches together, from whichever answers they came (see planNextBatch).
 * Graph runs a batch's items in any order, so a request goes only once every earlier request to
 * the same URL (the same person) is answered for good. If a whole call fails past the client's
 * own retries, its items and all not yet sent are answered with that error; none is thrown.
 */
export async function sendBatch(
  client: GraphClient,
  requests: BatchRequest[],
  options: BatchOptions = {},
): Promise<BatchResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_BATCH_CONCURRENCY);
  const lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS;
  const results: (BatchResult | undefined)[] = requests.map(() => undefined);
  const earlier = previousToSameUrl(requests.map((r) => `${r.method} ${r.url}`));
  const isFree = (item: Waiting) => {
    const before = earlier[item.index] as number;
    return before === -1 || results[before] !== undefined;
  };
  let waiting: Waiting[] = requests.map((_, index) => ({ index, attempts: 0, notBefore: 0 }));
  const inFlight = new Set<Promise<void>>();
  let failed: GraphError | undefined;
  let wake: (() => void) | undefined;

  async function send(batch: Waiting[]): Promise<void> {
    const answer = await client.request<{ responses?: BatchItemResponse[] }>("POST", "/$batch", {
      requests: batch.map((item) => {
        const request = requests[item.index] as BatchRequest;
        return {
          id: String(item.index),
          method: request.method,
          url: request.url,
          ...(request.body === undefined
            ? {}
            : { body: request.body, headers: { "content-type": "application/json" } }),
        };
      }),
    });
    const byId = new Map((answer?.responses ?? []).map((response) => [response.id, response]));
    const again: Waiting[] = [];
    let wait = 0;
    for (const item of batch) {
      const attempts = item.attempts + 1;
      const response = byId.get(String(item.index));
      const status = response?.status ?? 500;
      if (status >= 200 && status < 300) {
        results[item.index] = { ok: true, status, body: response?.body };
      } else if (isRetryableStatus(status) && attempts < client.retryPolicy.maxAttempts) {
        const retryAfter = headerOf(response?.headers, "retry-after");
        wait = Math.max(wait, retryDelayMs(client.retryPolicy, attempts, retryAfter, client.random));
        again.push({ index: item.index, attempts, notBefore: 0 });
      } else {
        const body = response?.body ?? "the batch answer has no response for this request";
        results[item.index] = { ok: false, error: graphErrorFrom(status, body) };
      }
    }
    // The items throttled in one answer wait together, the longest any was asked.
    const notBefore = Date.now() + wait;
    for (const item of again) waiting.push({ ...item, notBefore });
  }

  function dispatch(batch: Waiting[]): void {
    const sending = new Set(batch);
    waiting = waiting.filter((item) => !sending.has(item));
    const flight: Promise<void> = send(batch)
      .catch((error: unknown) => {
        const graphError = asGraphError(error);
        failed ??= graphError;
        for (const item of batch) results[item.index] = { ok: false, error: graphError };
      })
      .finally(() => {
        inFlight.delete(flight);
        wake?.();
      });
    inFlight.add(flight);
  }

  const nap = (ms: number | undefined) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  while (waiting.length > 0 || inFlight.size > 0) {
    if (failed) {
      for (const item of waiting) results[item.index] = { ok: false, error: failed };
      waiting = [];
      if (inFlight.size > 0) await nap(undefined);
      continue;
    }
    const now = Date.now();
    const plan =
      inFlight.size < concurrency
        ? planNextBatch(waiting.filter(isFree), now, inFlight.size, lingerMs)
        : { wakeAt: undefined };
    if ("send" in plan) {
      dispatch(plan.send);
      continue;
    }
    if (plan.wakeAt === undefined && inFlight.size === 0) {
      throw new Error("sendBatch: requests wait on none in flight (an ordering bug)");
    }
    await nap(plan.wakeAt === undefined ? undefined : plan.wakeAt - now);
  }
  return results as BatchResult[];
}

function asGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphError(0, "Unreachable", message, undefined);
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

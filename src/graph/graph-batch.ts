import type { GraphClient, HttpMethod } from "./graph-client.ts";
import { type GraphError, graphErrorFrom, isRetryableStatus } from "./graph-error.ts";
import { retryDelayMs, sleep } from "./retry-delay.ts";

/** Graph takes at most 20 requests in one `$batch` (graph/json-batching). */
export const BATCH_LIMIT = 20;

export interface BatchRequest {
  method: HttpMethod;
  /** Relative to the version root, e.g. `/users/{id}/assignLicense`. */
  url: string;
  body?: unknown;
}

export type BatchResult = { ok: true; status: number; body: unknown } | { ok: false; error: GraphError };

interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Pending {
  index: number;
  attempts: number;
  notBefore: number;
}

/**
 * Sends `requests` in `$batch` calls of at most 20 and answers for each, in order. Each item has
 * its own status: only the items Graph throttled (429) or could not serve (503/504) are sent
 * again, after their Retry-After, each up to the client's tries; the others' answers stand.
 * Items waiting to be retried fill the next batch beside new ones, so a few throttled items cost
 * few extra calls.
 */
export async function sendBatch(client: GraphClient, requests: BatchRequest[]): Promise<BatchResult[]> {
  const results: (BatchResult | undefined)[] = requests.map(() => undefined);
  let queue: Pending[] = requests.map((_, index) => ({ index, attempts: 0, notBefore: 0 }));
  while (queue.length > 0) {
    const now = Date.now();
    const ready = queue.filter((item) => item.notBefore <= now).slice(0, BATCH_LIMIT);
    if (ready.length === 0) {
      await sleep(Math.min(...queue.map((item) => item.notBefore)) - now);
      continue;
    }
    const sending = new Set(ready);
    queue = queue.filter((item) => !sending.has(item));
    const answer = await client.request<{ responses: BatchItemResponse[] }>("POST", "/$batch", {
      requests: ready.map((item) => {
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
    const throttled: Pending[] = [];
    let wait = 0;
    for (const item of ready) {
      item.attempts++;
      const response = byId.get(String(item.index));
      const status = response?.status ?? 500;
      if (status >= 200 && status < 300) {
        results[item.index] = { ok: true, status, body: response?.body };
      } else if (isRetryableStatus(status) && item.attempts < client.retryPolicy.maxAttempts) {
        const retryAfter = headerOf(response?.headers, "retry-after");
        wait = Math.max(wait, retryDelayMs(client.retryPolicy, item.attempts, retryAfter, client.random));
        throttled.push(item);
      } else {
        results[item.index] = {
          ok: false,
          error: graphErrorFrom(
            status,
            response?.body ?? "the batch answer has no response for this request",
          ),
        };
      }
    }
    // The items throttled in one answer wait together, the longest any was asked, so they go
    // back in one batch rather than one each.
    const notBefore = Date.now() + wait;
    for (const item of throttled) queue.push({ ...item, notBefore });
  }
  return results as BatchResult[];
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

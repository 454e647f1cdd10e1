import { refusedForRoles } from "./app-roles.ts";
import type { FailureScript } from "./failure-script.ts";
import { errorMessageOf, type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";
import { type RouteContext, routeGraphCall } from "./graph-routes.ts";

/** Graph takes at most 20 requests in one `$batch` (graph/json-batching). */
const MAX_BATCH = 20;

/** What the stand-in remembers of one batch item: its path, its status and the Retry-After it was told. */
export interface RecordedBatchItem {
  path: string;
  status: number;
  retryAfter?: string;
  /** The item's JSON body, when it had one. */
  body?: unknown;
  /** Graph's error message, when the item's answer was one. */
  error?: string;
}

/**
 * JSON batching (graph/json-batching): each item is served on its own, scripted failures first,
 * and has its own status. `recorded` receives the items as they are served.
 */
export function serveBatch(
  body: unknown,
  record: { items?: RecordedBatchItem[] },
  failures: FailureScript,
  ctx: RouteContext,
  roles: string[],
): GraphAnswer {
  const items = (body as { requests?: unknown })?.requests;
  if (!Array.isArray(items)) return graphFailure(400, "BadRequest", "Invalid batch payload format.");
  if (items.length > MAX_BATCH) return graphFailure(400, "BadRequest", graphMessages.batchTooLarge);
  const ids = new Set(items.map((item) => (item as { id?: unknown }).id));
  if (ids.size !== items.length) return graphFailure(400, "BadRequest", "Batch request ids must be unique.");
  const recorded: RecordedBatchItem[] = [];
  record.items = recorded;
  const responses = items.map((item: { id?: unknown; method?: unknown; url?: unknown; body?: unknown }) => {
    const path = typeof item.url === "string" ? (item.url.startsWith("/") ? item.url : `/${item.url}`) : "/";
    const method = String(item.method ?? "GET").toUpperCase();
    const served =
      failures.forBatchItem(path) ??
      refusedForRoles(roles, method, path) ??
      routeGraphCall(ctx, method, path, item.body);
    const retryAfter = served.headers?.["Retry-After"];
    const error = errorMessageOf(served);
    recorded.push({
      path,
      status: served.status,
      ...(retryAfter ? { retryAfter } : {}),
      ...(item.body === undefined ? {} : { body: item.body }),
      ...(error === undefined ? {} : { error }),
    });
    return {
      id: String(item.id),
      status: served.status,
      headers: { "Content-Type": "application/json", ...served.headers },
      ...(served.body === undefined ? {} : { body: served.body }),
    };
  });
  return { status: 200, body: { responses } };
}

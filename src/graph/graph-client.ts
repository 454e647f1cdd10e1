import { GraphError, graphErrorFrom, isRetryableStatus } from "./graph-error.ts";
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs, sleep } from "./retry-delay.ts";

/** A Graph access token; `forceRefresh` after Graph refused the one it had. */
export type AccessTokenSource = (options: { forceRefresh: boolean }) => Promise<string>;

export interface GraphClientOptions {
  /** Graph's base URL with its version, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  accessToken: AccessTokenSource;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  random?: () => number;
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface GraphClient {
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  readonly random: () => number;
  /**
   * One call, retried while Graph answers 429/503/504 (Retry-After honoured) up to the policy's
   * tries, and once with a fresh token after a 401. Any other failure throws a GraphError.
   * `pathOrUrl` is relative to the base (`/users`) or a link Graph gave (`@odata.nextLink`).
   */
  request<T>(method: HttpMethod, pathOrUrl: string, body?: unknown): Promise<T>;
  /** Every item of a collection, following `@odata.nextLink`; with the `@odata.deltaLink` that ends a delta. */
  collect<T>(pathOrUrl: string): Promise<{ items: T[]; deltaLink: string | undefined }>;
  /** HTTP requests sent so far, retries included. */
  requestsSent(): number;
}

interface CollectionPage<T> {
  value?: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const origin = new URL(baseUrl).origin;
  const retryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  let sent = 0;

  const urlOf = (pathOrUrl: string): string => {
    if (!/^https?:\/\//i.test(pathOrUrl))
      return `${baseUrl}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
    // The token goes only where Graph is: a link elsewhere is refused, never followed.
    if (new URL(pathOrUrl).origin !== origin) {
      throw new GraphError(0, "LinkOutsideGraph", `refused to follow a link outside ${origin}`, undefined);
    }
    return pathOrUrl;
  };

  async function request<T>(method: HttpMethod, pathOrUrl: string, body?: unknown): Promise<T> {
    const url = urlOf(pathOrUrl);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await options.accessToken({ forceRefresh: refreshed && attempt === 1 });
      let response: Response;
      try {
        sent++;
        response = await doFetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        // A dropped connection is retried like a 503: nothing says the call did not reach Graph,
        // so only calls that are safe to repeat go through here (assignLicense adding twice is harmless).
        if (attempt >= retryPolicy.maxAttempts) throw error;
        await sleep(retryDelayMs(retryPolicy, attempt, undefined, random));
        continue;
      }
      const text = await response.text();
      if (response.ok) return (text === "" ? undefined : JSON.parse(text)) as T;
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        attempt = 0;
        continue;
      }
      if (isRetryableStatus(response.status) && attempt < retryPolicy.maxAttempts) {
        await sleep(retryDelayMs(retryPolicy, attempt, response.headers.get("retry-after"), random));
        continue;
      }
      throw graphErrorFrom(response.status, text);
    }
  }

  async function collect<T>(pathOrUrl: string): Promise<{ items: T[]; deltaLink: string | undefined }> {
    const items: T[] = [];
    let next: string | undefined = pathOrUrl;
    let deltaLink: string | undefined;
    while (next !== undefined) {
      const page: CollectionPage<T> = await request<CollectionPage<T>>("GET", next);
      items.push(...(page.value ?? []));
      next = page["@odata.nextLink"];
      deltaLink = page["@odata.deltaLink"] ?? deltaLink;
    }
    return { items, deltaLink };
  }

  return { baseUrl, retryPolicy, random, request, collect, requestsSent: () => sent };
}

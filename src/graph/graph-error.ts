/**
 * Graph's error envelope, `{ error: { code, message, innerError: { "request-id", date } } }`, as
 * one typed error: the HTTP status, Graph's own code (`Request_BadRequest`, `TooManyRequests`, …)
 * and message, and the request id Microsoft support asks for.
 */
export class GraphError extends Error {
  readonly code = "GRAPH_ERROR";
  constructor(
    readonly status: number,
    readonly graphCode: string,
    readonly graphMessage: string,
    readonly requestId: string | undefined,
  ) {
    super(`Microsoft Graph answered ${status} ${graphCode}: ${graphMessage}`);
    this.name = "GraphError";
  }

  /** Throttled or briefly unavailable: the same request may succeed later (graph/throttling). */
  get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

export const isRetryableStatus = (status: number): boolean =>
  status === 429 || status === 503 || status === 504;

/** Reads the envelope from a body already parsed (a `$batch` item) or still text (a response). */
export function graphErrorFrom(status: number, body: unknown): GraphError {
  const parsed = typeof body === "string" ? parseJson(body) : body;
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  const inner = error && (isRecord(error.innerError) ? error.innerError : undefined);
  const requestId = inner && typeof inner["request-id"] === "string" ? inner["request-id"] : undefined;
  return new GraphError(
    status,
    typeof error?.code === "string" ? error.code : `HTTP_${status}`,
    typeof error?.message === "string"
      ? error.message
      : typeof body === "string" && body !== ""
        ? body.slice(0, 200)
        : "no error details",
    requestId,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

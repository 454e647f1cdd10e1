import type { IncomingMessage, ServerResponse } from "node:http";

/** Arguments of one Web API call, whichever way they were sent. */
export type ApiArgs = Record<string, unknown>;

export type ApiResult =
  | ({ ok: true } & Record<string, unknown>)
  | ({ ok: false; error: string } & Record<string, unknown>);

export function ok(payload: Record<string, unknown> = {}): ApiResult {
  return { ok: true, ...payload };
}

/** `messages` become `response_metadata.messages`, where Slack explains `invalid_arguments` and the like. */
export function fail(error: string, messages?: string[]): ApiResult {
  return messages && messages.length > 0
    ? { ok: false, error, response_metadata: { messages } }
    : { ok: false, error };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Web API calls arrive form-encoded (what @slack/web-api sends, every value a string) or as JSON.
 * Returns undefined for a body that is neither, which Slack answers with `invalid_json` / `invalid_form_data`.
 */
export function parseArgs(contentType: string | undefined, raw: string): ApiArgs | undefined {
  if ((contentType ?? "").toLowerCase().includes("application/json")) {
    if (raw.trim() === "") return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as ApiArgs)
        : undefined;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * The token from `Authorization: Bearer …`; form posts may carry it as a `token` argument instead,
 * JSON posts may not (Slack's "Using the Web API": JSON bodies need the header).
 */
export function tokenOf(req: IncomingMessage, args: ApiArgs): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || undefined;
  const isJson = (req.headers["content-type"] ?? "").toLowerCase().includes("application/json");
  return !isJson && typeof args.token === "string" && args.token !== "" ? args.token : undefined;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Decodes an argument that Slack takes as a JSON-encoded string in form posts (`view`, `blocks`). */
export function decodeJsonArg(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

export function stringArg(args: ApiArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function numberArg(args: ApiArgs, key: string): number | undefined {
  const value = args[key];
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

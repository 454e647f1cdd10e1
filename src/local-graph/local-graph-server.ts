import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FailureScript } from "./failure-script.ts";
import { type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";
import { routeGraphCall } from "./graph-routes.ts";
import { type LocalApp, LocalSignIn } from "./local-sign-in.ts";
import { type LocalGroup, type LocalSku, LocalTenant, type LocalUser } from "./local-tenant.ts";

export type { ScriptedFailure } from "./failure-script.ts";
export type { LocalApp } from "./local-sign-in.ts";
export type { LocalGroup, LocalSku, LocalUser } from "./local-tenant.ts";

export interface LocalGraphOptions {
  app?: Partial<LocalApp>;
  skus?: LocalSku[];
  users?: LocalUser[];
  groups?: LocalGroup[];
  deltaPageSize?: number;
  /** Added to every HTTP answer, as the network and Graph take time. */
  latencyMs?: number;
  now?: () => number;
}

export interface RecordedGraphRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** When the stand-in received it (ms since the epoch). */
  at: number;
  status: number;
  /** The JSON body sent, when there was one (a `$batch` keeps its items' bodies in `items`). */
  body?: unknown;
  /** Graph's error message, when the answer was one. */
  error?: string;
  /** For `$batch`: each item's path, body and the status (and error) it got. */
  items?: RecordedBatchItem[];
}

export interface RecordedBatchItem {
  path: string;
  status: number;
  body?: unknown;
  error?: string;
}

export interface LocalGraph {
  /** Graph's base with its version, for M365_GRAPH_URL. */
  graphUrl: string;
  /** The sign-in host, for M365_LOGIN_URL. */
  loginUrl: string;
  app: LocalApp;
  tenant: LocalTenant;
  signIn: LocalSignIn;
  failures: FailureScript;
  /** Every Graph request (not sign-in), in order of arrival. */
  requests: RecordedGraphRequest[];
  close(): Promise<void>;
}

const MAX_BATCH = 20;

/**
 * A stand-in for Microsoft Graph and its sign-in host on 127.0.0.1, written from the reference,
 * for tests and the console: the token endpoint, subscribedSkus, users with paging, users/delta,
 * assignLicense with the tenant's rules, `$batch`, scripted throttling and Graph's error envelope.
 */
export async function startLocalGraph(options: LocalGraphOptions = {}): Promise<LocalGraph> {
  const app: LocalApp = {
    tenantId: "00000000-0000-4000-8000-000000000365",
    clientId: "00000000-0000-4000-8000-00000000c11e",
    secrets: ["local-graph-secret"],
    ...options.app,
  };
  const tenant = new LocalTenant(options);
  const signIn = new LocalSignIn(app, options.now);
  const failures = new FailureScript();
  const requests: RecordedGraphRequest[] = [];
  let origin = "";
  const graphUrl = () => `${origin}/v1.0`;
  const ctx = () => ({ tenant, graphUrl: graphUrl(), deltaPageSize: options.deltaPageSize ?? 100 });

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy(error as Error);
      else send(res, graphFailure(500, "generalException", String(error)));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const signInPath = /^\/([^/]+)\/(oauth2\/v2\.0\/token|v2\.0\/\.well-known\/openid-configuration)$/.exec(
      url.pathname,
    );
    if (signInPath) {
      serveSignIn(res, method, signInPath[1] as string, signInPath[2] as string, raw);
      return;
    }
    if (!url.pathname.startsWith("/v1.0/")) {
      send(res, graphFailure(404, "NotFound", `No Graph version at ${url.pathname}`));
      return;
    }
    const path = url.pathname.slice("/v1.0".length) + url.search;
    const record: RecordedGraphRequest = { method, path, at: Date.now(), status: 0 };
    requests.push(record);
    const answered = serveGraph(req, method, path, raw, record);
    record.status = answered.status;
    const error = errorMessageOf(answered);
    if (error !== undefined) record.error = error;
    send(res, answered);
  }

  function serveGraph(
    req: IncomingMessage,
    method: string,
    path: string,
    raw: string,
    record: RecordedGraphRequest,
  ): GraphAnswer {
    const tokenProblem = signIn.tokenProblem(req.headers.authorization);
    if (tokenProblem) return graphFailure(401, "InvalidAuthenticationToken", tokenProblem);
    const scripted = failures.forRequest(path);
    if (scripted) return scripted;
    let body: unknown;
    try {
      body = raw === "" ? undefined : JSON.parse(raw);
    } catch {
      return graphFailure(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      );
    }
    if (method === "POST" && path === "/$batch") return serveBatch(body, record);
    if (body !== undefined) record.body = body;
    return routeGraphCall(ctx(), method, path, body);
  }

  /** JSON batching (graph/json-batching): each item is served on its own and has its own status. */
  function serveBatch(body: unknown, record: RecordedGraphRequest): GraphAnswer {
    const items = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(items)) return graphFailure(400, "BadRequest", "Invalid batch payload format.");
    if (items.length > MAX_BATCH) return graphFailure(400, "BadRequest", graphMessages.batchTooLarge);
    const ids = new Set(items.map((item) => (item as { id?: unknown }).id));
    if (ids.size !== items.length)
      return graphFailure(400, "BadRequest", "Batch request ids must be unique.");
    record.items = [];
    const responses = items.map((item: { id?: unknown; method?: unknown; url?: unknown; body?: unknown }) => {
      const path =
        typeof item.url === "string" ? (item.url.startsWith("/") ? item.url : `/${item.url}`) : "/";
      const served =
        failures.forBatchItem(path) ??
        routeGraphCall(ctx(), String(item.method ?? "GET").toUpperCase(), path, item.body);
      const error = errorMessageOf(served);
      record.items?.push({
        path,
        status: served.status,
        ...(item.body === undefined ? {} : { body: item.body }),
        ...(error === undefined ? {} : { error }),
      });
      return {
        id: String(item.id),
        status: served.status,
        headers: { "Content-Type": "application/json", ...served.headers },
        body: served.body,
      };
    });
    return { status: 200, body: { responses } };
  }

  function serveSignIn(
    res: ServerResponse,
    method: string,
    tenantId: string,
    endpoint: string,
    raw: string,
  ): void {
    // MSAL takes only https authorities, so the stand-in names its endpoints as https; the
    // client's network module brings them back to this plain-http address (loopback only).
    const publicOrigin = origin.replace(/^http:/, "https:");
    const tokenEndpoint = `${publicOrigin}/${tenantId}/oauth2/v2.0/token`;
    if (endpoint.startsWith("v2.0") && method === "GET") {
      sendRaw(res, 200, {
        token_endpoint: tokenEndpoint,
        issuer: `${publicOrigin}/${tenantId}/v2.0`,
        authorization_endpoint: `${publicOrigin}/${tenantId}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${publicOrigin}/${tenantId}/oauth2/v2.0/logout`,
        jwks_uri: `${publicOrigin}/${tenantId}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: [
          "client_secret_post",
          "private_key_jwt",
          "client_secret_basic",
        ],
      });
      return;
    }
    if (method !== "POST") {
      sendRaw(res, 405, { error: "invalid_request", error_description: "POST only" });
      return;
    }
    const result = signIn.grant(tenantId, new URLSearchParams(raw), tokenEndpoint);
    sendRaw(res, result.status, result.body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    graphUrl: graphUrl(),
    loginUrl: origin,
    app,
    tenant,
    signIn,
    failures,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The message of Graph's error envelope, when the answer is one. */
function errorMessageOf(answered: GraphAnswer): string | undefined {
  if (answered.status < 400) return undefined;
  const message = (answered.body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === "string" ? message : undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, answered: GraphAnswer): void {
  res.writeHead(answered.status, { "content-type": "application/json; charset=utf-8", ...answered.headers });
  res.end(answered.body === undefined ? "" : JSON.stringify(answered.body));
}

function sendRaw(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

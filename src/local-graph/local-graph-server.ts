import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { refusedForRoles } from "./app-roles.ts";
import { type RecordedBatchItem, serveBatch } from "./batch-route.ts";

export type { RecordedBatchItem } from "./batch-route.ts";

import { FailureScript } from "./failure-script.ts";
import { errorMessageOf, type GraphAnswer, graphFailure } from "./graph-answer.ts";
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
  /** The app's application permissions (default: all License Desk may ask for, user write included). */
  permissions?: string[];
  now?: () => number;
}

export interface RecordedGraphRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** When the stand-in received it (ms since the epoch). */
  at: number;
  /** When it answered, after the fixed latency; 0 while it is being served. */
  answeredAt: number;
  status: number;
  /** The JSON body sent, when there was one (a `$batch` keeps its items' bodies in `items`). */
  body?: unknown;
  /** Graph's error message, when the answer was one. */
  error?: string;
  /** For `$batch`: each item's path, body, the status (and error) it got and the Retry-After it was told. */
  items?: RecordedBatchItem[];
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
  /** The app's application permissions: take User.ReadWrite.All away to see Graph refuse user writes. */
  permissions: Set<string>;
  /** Every Graph request (not sign-in), in order of arrival. */
  requests: RecordedGraphRequest[];
  close(): Promise<void>;
}

/** What License Desk asks an admin to grant (README, "Connecting Microsoft 365"). */
const DEFAULT_PERMISSIONS = [
  "LicenseAssignment.ReadWrite.All",
  "User.Read.All",
  "Organization.Read.All",
  "User.ReadWrite.All",
];

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
  const permissions = new Set(options.permissions ?? DEFAULT_PERMISSIONS);
  let origin = "";
  const graphUrl = () => `${origin}/v1.0`;
  const ctx = () => ({
    tenant,
    graphUrl: graphUrl(),
    deltaPageSize: options.deltaPageSize ?? 100,
    permissions,
  });
  const latency = () =>
    options.latencyMs ? new Promise((resolve) => setTimeout(resolve, options.latencyMs)) : undefined;

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy(error as Error);
      else send(res, graphFailure(500, "generalException", String(error)));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const signInPath = /^\/([^/]+)\/(oauth2\/v2\.0\/token|v2\.0\/\.well-known\/openid-configuration)$/.exec(
      url.pathname,
    );
    if (signInPath) {
      await latency();
      serveSignIn(res, method, signInPath[1] as string, signInPath[2] as string, raw);
      return;
    }
    if (!url.pathname.startsWith("/v1.0/")) {
      await latency();
      send(res, graphFailure(404, "NotFound", `No Graph version at ${url.pathname}`));
      return;
    }
    const path = url.pathname.slice("/v1.0".length) + url.search;
    const record: RecordedGraphRequest = { method, path, at: Date.now(), answeredAt: 0, status: 0 };
    requests.push(record);
    // Served after the latency: what the tenant holds is what it holds when the answer leaves.
    await latency();
    const answered = serveGraph(req, method, path, raw, record);
    record.status = answered.status;
    record.answeredAt = Date.now();
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
    const roles = signIn.rolesOf(req.headers.authorization);
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
    if (method === "POST" && path === "/$batch") return serveBatch(body, record, failures, ctx(), roles);
    if (body !== undefined) record.body = body;
    return refusedForRoles(roles, method, path) ?? routeGraphCall(ctx(), method, path, body);
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
    permissions,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
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

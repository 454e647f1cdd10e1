import { appAccessToken } from "../../src/graph/app-sign-in.ts";
import { createGraphClient, type GraphClient } from "../../src/graph/graph-client.ts";
import type { RetryPolicy } from "../../src/graph/retry-delay.ts";
import {
  type LocalGraph,
  type LocalGraphOptions,
  startLocalGraph,
} from "../../src/local-graph/local-graph-server.ts";

/** The stand-in, and a Graph client signed in to it with the app's secret. */
export async function localGraphWithClient(
  options: LocalGraphOptions = {},
  retry: Partial<RetryPolicy> = {},
): Promise<{ graph: LocalGraph; client: GraphClient }> {
  const graph = await startLocalGraph(options);
  const accessToken = appAccessToken({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret: graph.app.secrets?.[0] ?? "" },
    loginUrl: graph.loginUrl,
    graphUrl: graph.graphUrl,
  });
  return { graph, client: createGraphClient({ baseUrl: graph.graphUrl, accessToken, retry }) };
}

/** Graph's JSON as a test reads it, property by property, for `expect` to judge. */
// biome-ignore lint/suspicious/noExplicitAny: a test walks into the answer it asserts on
export type GraphJson = any;

/** A raw call to the stand-in with a fresh token, for tests of what the stand-in itself answers. */
export async function rawGraphCall(
  graph: LocalGraph,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: GraphJson }> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: graph.app.clientId,
    client_secret: graph.app.secrets?.[0] ?? "",
    scope: `${new URL(graph.graphUrl).origin}/.default`,
  });
  const token = await fetch(`${graph.loginUrl}/${graph.app.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: form,
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const response = await fetch(`${graph.graphUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

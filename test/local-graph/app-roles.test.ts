import { afterEach, describe, expect, it } from "vitest";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { smallTenant } from "../graph/demo-tenant-fixture.ts";
import { rawGraphCall } from "../helpers/local-graph.ts";

let graph: LocalGraph;
afterEach(() => graph.close());

async function tokenClaims(): Promise<Record<string, unknown>> {
  const response = await fetch(`${graph.loginUrl}/${graph.app.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: graph.app.clientId,
      client_secret: graph.app.secrets?.[0] ?? "",
      scope: `${new URL(graph.graphUrl).origin}/.default`,
    }),
  });
  const { access_token } = (await response.json()) as { access_token: string };
  const [, payload] = access_token.split(".");
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
}

describe("the stand-in's tokens carry the app's roles, and Graph answers by them", () => {
  it("puts the consented application permissions in the token's roles claim", async () => {
    graph = await startLocalGraph();
    expect((await tokenClaims()).roles).toEqual(["LicenseAssignment.ReadWrite.All", "User.Read.All"]);
    await graph.close();
    graph = await startLocalGraph({ app: { roles: ["User.Read.All"] } });
    const claims = await tokenClaims();
    expect(claims.roles).toEqual(["User.Read.All"]);
    expect(claims.tid).toBe(graph.app.tenantId);
  });

  it("refuses with 403 Authorization_RequestDenied what the roles do not allow, over HTTP and in $batch", async () => {
    graph = await startLocalGraph({ ...smallTenant(), app: { roles: ["LicenseAssignment.ReadWrite.All"] } });
    expect((await rawGraphCall(graph, "GET", "/subscribedSkus")).status).toBe(200);
    const users = await rawGraphCall(graph, "GET", "/users?$select=id");
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe("Authorization_RequestDenied");
    const batch = await rawGraphCall(graph, "POST", "/$batch", {
      requests: [{ id: "1", method: "GET", url: "/users/someone" }],
    });
    expect(batch.body.responses[0].status).toBe(403);
  });
});

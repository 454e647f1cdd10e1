import { afterEach, describe, expect, it } from "vitest";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { smallTenant } from "../graph/demo-tenant-fixture.ts";
import { type GraphJson, rawGraphCall } from "../helpers/local-graph.ts";

let graph: LocalGraph;
afterEach(() => graph.close());

/** A token request as MSAL sends it, with `change` applied to the form. */
async function tokenRequest(change: Record<string, string | null> = {}, tenant?: string) {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: graph.app.clientId,
    client_secret: graph.app.secrets?.[0] ?? "",
    scope: `${new URL(graph.graphUrl).origin}/.default`,
  });
  for (const [name, value] of Object.entries(change)) {
    if (value === null) form.delete(name);
    else form.set(name, value);
  }
  const response = await fetch(`${graph.loginUrl}/${tenant ?? graph.app.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: form,
  });
  return { status: response.status, body: (await response.json()) as GraphJson };
}

describe("the stand-in's sign-in host refuses as Microsoft's does", () => {
  it("names an unknown tenant, an unknown app, a scope without /.default and a missing credential", async () => {
    graph = await startLocalGraph();
    const cases = [
      [await tokenRequest({}, "contoso.example"), 400, "invalid_request", "AADSTS90002"],
      [await tokenRequest({ client_id: "someone-else" }), 400, "unauthorized_client", "AADSTS700016"],
      [await tokenRequest({ scope: "User.Read.All" }), 400, "invalid_scope", "AADSTS1002012"],
      [await tokenRequest({ client_secret: null }), 401, "invalid_client", "AADSTS7000218"],
      [await tokenRequest({ grant_type: "password" }), 400, "unsupported_grant_type", "AADSTS70003"],
    ] as const;
    for (const [answer, status, error, code] of cases) {
      expect(answer.status).toBe(status);
      expect(answer.body.error).toBe(error);
      expect(answer.body.error_description).toMatch(new RegExp(`^${code}: `));
    }
    expect(graph.signIn.issued).toBe(0);
  });

  it("lets a token expire after its lifetime, and Graph says so", async () => {
    let now = Date.parse("2026-12-03T10:00:00Z");
    graph = await startLocalGraph({ ...smallTenant(), now: () => now });
    const { body } = await tokenRequest();
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599 });
    now += 3600 * 1000;
    const response = await fetch(`${graph.graphUrl}/users`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphJson).error.message).toBe(
      "Lifetime validation failed, the token is expired.",
    );
  });
});

describe("the stand-in's Graph refuses malformed calls in the envelope", () => {
  it("refuses an unknown path, a body that is not JSON, a bad delta token and repeated batch ids", async () => {
    graph = await startLocalGraph(smallTenant());
    const unknown = await rawGraphCall(graph, "GET", "/groups");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: "BadRequest",
      message: "Resource not found for the segment 'groups'.",
    });

    const token = await tokenRequest();
    const notJson = await fetch(`${graph.graphUrl}/users/u-bo/assignLicense`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.body.access_token}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as GraphJson).error.code).toBe("BadRequest");

    const badDelta = await rawGraphCall(graph, "GET", "/users/delta?$deltatoken=garbage");
    expect(badDelta.status).toBe(400);
    expect(badDelta.body.error.message).toBe("The delta token is not valid.");

    const twice = await rawGraphCall(graph, "POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: "/users" },
        { id: "1", method: "GET", url: "/subscribedSkus" },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe("BadRequest");
  });
});

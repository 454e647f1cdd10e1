import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { BUSINESS_STANDARD, smallTenant } from "../graph/demo-tenant-fixture.ts";
import { rawGraphCall } from "../helpers/local-graph.ts";

let graph: LocalGraph;
beforeEach(async () => {
  graph = await startLocalGraph(smallTenant());
});
afterEach(() => graph.close());

const locationOf = async (userId: string) =>
  (await rawGraphCall(graph, "GET", `/users/${userId}?$select=usageLocation`)).body.usageLocation;

const assignBusinessStandard = {
  addLicenses: [{ skuId: BUSINESS_STANDARD, disabledPlans: [] }],
  removeLicenses: [],
};

describe("setting a usage location on the stand-in (PATCH /users/{id})", () => {
  it("answers 204 with no body, and the location then lets a license be assigned", async () => {
    expect(
      (await rawGraphCall(graph, "POST", "/users/u-cleo/assignLicense", assignBusinessStandard)).status,
    ).toBe(400);
    const patched = await rawGraphCall(graph, "PATCH", "/users/u-cleo", { usageLocation: "NO" });
    expect(patched).toMatchObject({ status: 204, body: undefined });
    expect(await locationOf("u-cleo")).toBe("NO");
    expect(
      (await rawGraphCall(graph, "POST", "/users/u-cleo/assignLicense", assignBusinessStandard)).status,
    ).toBe(200);
  });

  it("refuses what is not an assigned ISO 3166 alpha-2 code in Graph's envelope, changing nothing", async () => {
    for (const bad of ["Sweden", "se", "XX", "UK", "EU", "S", 46, ""]) {
      const answer = await rawGraphCall(graph, "PATCH", "/users/u-bo", { usageLocation: bad });
      expect(answer.status, String(bad)).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: "Request_BadRequest",
        message: "Invalid value specified for property 'usageLocation' of resource 'User'.",
        innerError: { "request-id": expect.any(String) },
      });
    }
    expect(await locationOf("u-bo")).toBe("SE");
  });

  it("clears a location with null, and names an unknown user", async () => {
    expect((await rawGraphCall(graph, "PATCH", "/users/u-bo", { usageLocation: null })).status).toBe(204);
    expect(await locationOf("u-bo")).toBeNull();
    const nobody = await rawGraphCall(graph, "PATCH", "/users/u-nobody", { usageLocation: "SE" });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("answers 403 Authorization_RequestDenied when the app lacks a user-write permission", async () => {
    graph.permissions.delete("User.ReadWrite.All");
    const denied = await rawGraphCall(graph, "PATCH", "/users/u-bo", { usageLocation: "NO" });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    expect(await locationOf("u-bo")).toBe("SE");
    graph.permissions.add("Directory.ReadWrite.All");
    expect((await rawGraphCall(graph, "PATCH", "/users/u-bo", { usageLocation: "NO" })).status).toBe(204);
  });

  it("sets locations inside $batch too, each item with its own status", async () => {
    const batch = (requests: unknown[]) => rawGraphCall(graph, "POST", "/$batch", { requests });
    const patch = (id: string, userId: string, usageLocation: unknown) => ({
      id,
      method: "PATCH",
      url: `/users/${userId}`,
      headers: { "content-type": "application/json" },
      body: { usageLocation },
    });
    const first = await batch([patch("1", "u-cleo", "DK"), patch("2", "u-bo", "Denmark")]);
    expect(first.body.responses.map((r: { status: number }) => r.status)).toEqual([204, 400]);
    expect(first.body.responses[0]).not.toHaveProperty("body");
    expect(await locationOf("u-cleo")).toBe("DK");
    graph.permissions.delete("User.ReadWrite.All");
    const second = await batch([patch("1", "u-wei", "SE")]);
    expect(second.body.responses[0]).toMatchObject({
      status: 403,
      body: { error: { code: "Authorization_RequestDenied" } },
    });
    expect(await locationOf("u-wei")).toBe("CN");
  });
});

describe("throttling a fixed share of batch items", () => {
  it("answers exactly every Nth item with 429 and its Retry-After, counting across batches, and records it", async () => {
    graph.failures.failEveryNthBatchItem(3, { status: 429, retryAfterSeconds: 1 });
    const reads = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: String(i), method: "GET", url: "/users/u-bo" }));
    const first = await rawGraphCall(graph, "POST", "/$batch", { requests: reads(4) });
    const second = await rawGraphCall(graph, "POST", "/$batch", { requests: reads(4) });
    const statuses = [...first.body.responses, ...second.body.responses].map(
      (r: { status: number }) => r.status,
    );
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 200, 200]);
    expect(first.body.responses[2].headers["Retry-After"]).toBe("1");
    const recorded = graph.requests.filter((r) => r.path === "/$batch").flatMap((r) => r.items ?? []);
    expect(recorded.filter((i) => i.status === 429)).toEqual([
      { path: "/users/u-bo", status: 429, retryAfter: "1", error: "Too many requests." },
      { path: "/users/u-bo", status: 429, retryAfter: "1", error: "Too many requests." },
    ]);
    graph.failures.failEveryNthBatchItem(0, { status: 429 });
    const third = await rawGraphCall(graph, "POST", "/$batch", { requests: reads(4) });
    expect(third.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
  });
});

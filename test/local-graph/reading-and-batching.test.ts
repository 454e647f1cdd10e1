import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { BUSINESS_STANDARD, EXCHANGE_PLAN_1, smallTenant } from "../graph/demo-tenant-fixture.ts";
import { rawGraphCall } from "../helpers/local-graph.ts";

let graph: LocalGraph;
beforeEach(async () => {
  graph = await startLocalGraph({ ...smallTenant(), deltaPageSize: 3 });
});
afterEach(() => graph.close());

const relative = (link: string) => link.slice(graph.graphUrl.length);

describe("reading people from the stand-in", () => {
  it("pages users by $top with an opaque nextLink that keeps the $select", async () => {
    const first = await rawGraphCall(graph, "GET", "/users?$select=id,usageLocation&$top=3");
    expect(first.body.value.map((u: { id: string }) => u.id)).toEqual(["u-alva", "u-bo", "u-cleo"]);
    expect(Object.keys(first.body.value[0]).sort()).toEqual(["id", "usageLocation"]);
    const second = await rawGraphCall(graph, "GET", relative(first.body["@odata.nextLink"]));
    expect(second.body.value).toEqual([{ id: "u-wei", usageLocation: "CN" }]);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  it("leaves the license properties out unless selected, and refuses a $top above 999", async () => {
    const plain = await rawGraphCall(graph, "GET", "/users");
    expect(plain.body.value[0]).not.toHaveProperty("assignedLicenses");
    const tooMany = await rawGraphCall(graph, "GET", "/users?$top=1000");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
  });

  it("gives everyone in delta pages ending in a deltaLink, then only who changed, deleted ones as @removed", async () => {
    const first = await rawGraphCall(graph, "GET", "/users/delta?$select=id,displayName,usageLocation");
    expect(first.body.value).toHaveLength(3);
    const last = await rawGraphCall(graph, "GET", relative(first.body["@odata.nextLink"]));
    expect(last.body.value.map((u: { id: string }) => u.id)).toEqual(["u-wei"]);
    const deltaLink: string = last.body["@odata.deltaLink"];
    expect(deltaLink).toMatch(/\/users\/delta\?\$deltatoken=/);

    graph.tenant.updateUser("u-cleo", { usageLocation: "SE" });
    graph.tenant.deleteUser("u-bo");
    const changes = await rawGraphCall(graph, "GET", relative(deltaLink));
    expect(changes.body.value).toEqual([
      { id: "u-cleo", displayName: "Cleo", usageLocation: "SE" },
      { id: "u-bo", "@removed": { reason: "changed" } },
    ]);
    const quiet = await rawGraphCall(graph, "GET", relative(changes.body["@odata.deltaLink"]));
    expect(quiet.body.value).toEqual([]);
  });

  it("does not carry licenseAssignmentStates in delta, as Graph does not track them there", async () => {
    const round = await rawGraphCall(
      graph,
      "GET",
      "/users/delta?$select=id,assignedLicenses,licenseAssignmentStates",
    );
    expect(round.body.value[0]).toHaveProperty("assignedLicenses");
    expect(round.body.value[0]).not.toHaveProperty("licenseAssignmentStates");
  });
});

describe("$batch on the stand-in", () => {
  const assignItem = (id: string, userId: string, skuId: string) => ({
    id,
    method: "POST",
    url: `/users/${userId}/assignLicense`,
    headers: { "content-type": "application/json" },
    body: { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] },
  });

  it("answers each item with its own status: 200 beside 400 beside 404", async () => {
    const batch = await rawGraphCall(graph, "POST", "/$batch", {
      requests: [
        assignItem("1", "u-bo", EXCHANGE_PLAN_1),
        assignItem("2", "u-cleo", BUSINESS_STANDARD),
        assignItem("3", "u-nobody", BUSINESS_STANDARD),
        { id: "4", method: "GET", url: "/subscribedSkus" },
      ],
    });
    expect(batch.status).toBe(200);
    const statuses = Object.fromEntries(
      batch.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(statuses).toEqual({ "1": 200, "2": 400, "3": 404, "4": 200 });
    const cleo = batch.body.responses.find((r: { id: string }) => r.id === "2");
    expect(cleo.body.error.code).toBe("Request_BadRequest");
  });

  it("refuses more than 20 requests in one batch, applying none", async () => {
    const requests = Array.from({ length: 21 }, (_, i) => assignItem(String(i), "u-bo", EXCHANGE_PLAN_1));
    const batch = await rawGraphCall(graph, "POST", "/$batch", { requests });
    expect(batch.status).toBe(400);
    expect(batch.body.error.message).toBe("Number of requests inside batch exceeds the limit.");
    const bo = await rawGraphCall(graph, "GET", "/users/u-bo?$select=assignedLicenses");
    expect(bo.body.assignedLicenses).toEqual([]);
  });

  it("throttles scripted batch items with 429 and Retry-After, not applying them", async () => {
    graph.failures.failBatchItems(1, { status: 429, retryAfterSeconds: 2 });
    const batch = await rawGraphCall(graph, "POST", "/$batch", {
      requests: [assignItem("1", "u-bo", EXCHANGE_PLAN_1), { id: "2", method: "GET", url: "/users/u-bo" }],
    });
    const [first, second] = batch.body.responses;
    expect(first).toMatchObject({
      status: 429,
      headers: { "Retry-After": "2" },
      body: { error: { code: "TooManyRequests" } },
    });
    expect(second.status).toBe(200);
    expect((await rawGraphCall(graph, "GET", "/subscribedSkus")).body.value[1].consumedUnits).toBe(0);
  });

  it("answers scripted whole requests with 429 or 503, with or without Retry-After, then serves again", async () => {
    graph.failures.failRequests(1, { status: 503, retryAfterSeconds: 1 }, /subscribedSkus/);
    graph.failures.failRequests(1, { status: 429 });
    const unavailable = await rawGraphCall(graph, "GET", "/subscribedSkus");
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("1");
    expect(unavailable.body.error.code).toBe("serviceNotAvailable");
    const throttled = await rawGraphCall(graph, "GET", "/users");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
    expect((await rawGraphCall(graph, "GET", "/users")).status).toBe(200);
  });

  it("takes the fixed time it is given to answer, as the network and Graph do", async () => {
    const slow = await startLocalGraph({ ...smallTenant(), latencyMs: 150 });
    try {
      const started = Date.now();
      await rawGraphCall(slow, "GET", "/subscribedSkus");
      // Two answers: the token, then the call.
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      await slow.close();
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { GraphClient } from "../../src/graph/graph-client.ts";
import { GraphError } from "../../src/graph/graph-error.ts";
import type { LocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { localGraphWithClient } from "../helpers/local-graph.ts";
import { smallTenant } from "./demo-tenant-fixture.ts";

let graph: LocalGraph;
let client: GraphClient;
afterEach(() => graph.close());

async function start(retry = {}) {
  ({ graph, client } = await localGraphWithClient(smallTenant(), { baseDelayMs: 50, ...retry }));
}

/** The gaps between the stand-in's receipts of the requests to `path`, in arrival order. */
const gapsBetween = (pattern: RegExp): number[] => {
  const times = graph.requests.filter((r) => pattern.test(r.path)).map((r) => r.at);
  return times.slice(1).map((at, i) => at - (times[i] as number));
};

describe("the Graph client", () => {
  it("follows @odata.nextLink until the last page", async () => {
    await start();
    const { items, deltaLink } = await client.collect<{ id: string }>("/users?$select=id&$top=1");
    expect(items.map((u) => u.id)).toEqual(["u-alva", "u-bo", "u-cleo", "u-wei"]);
    expect(deltaLink).toBeUndefined();
    expect(graph.requests.filter((r) => r.path.startsWith("/users"))).toHaveLength(4);
  });

  it("returns the deltaLink that ends a delta round, and reads only the changes from it", async () => {
    await start();
    const round = await client.collect<{ id: string }>("/users/delta?$select=id,usageLocation");
    expect(round.items).toHaveLength(4);
    graph.tenant.updateUser("u-bo", { usageLocation: "NO" });
    const next = await client.collect<{ id: string; usageLocation: string }>(round.deltaLink as string);
    expect(next.items).toEqual([{ id: "u-bo", usageLocation: "NO" }]);
  });

  it("waits what Retry-After asks after a 429 and a 503, then gets the answer", async () => {
    await start();
    graph.failures.failRequests(1, { status: 429, retryAfterSeconds: 0.4 }, /subscribedSkus/);
    graph.failures.failRequests(1, { status: 503, retryAfterSeconds: 0.3 }, /subscribedSkus/);
    const skus = await client.request<{ value: unknown[] }>("GET", "/subscribedSkus");
    expect(skus.value).toHaveLength(2);
    const [afterThrottle, afterUnavailable] = gapsBetween(/subscribedSkus/);
    // Retry-After plus at most a tenth of it as jitter, and what the machine adds.
    expect(afterThrottle).toBeGreaterThanOrEqual(400);
    expect(afterThrottle).toBeLessThan(400 + 40 + 250);
    expect(afterUnavailable).toBeGreaterThanOrEqual(300);
    expect(afterUnavailable).toBeLessThan(300 + 30 + 250);
  });

  it("backs off exponentially with jitter when no Retry-After comes", async () => {
    await start({ baseDelayMs: 100 });
    graph.failures.failRequests(2, { status: 429 }, /subscribedSkus/);
    await client.request("GET", "/subscribedSkus");
    const [first, second] = gapsBetween(/subscribedSkus/);
    expect(first).toBeGreaterThanOrEqual(50); // half of 100 ms fixed, half random
    expect(first).toBeLessThan(100 + 250);
    expect(second).toBeGreaterThanOrEqual(100); // then half of 200 ms fixed
    expect(second).toBeLessThan(200 + 250);
  });

  it("gives up after the policy's tries with Graph's own error, sending no more", async () => {
    await start({ maxAttempts: 3 });
    graph.failures.failRequests(5, { status: 429, retryAfterSeconds: 0.05 }, /subscribedSkus/);
    const failure = await client.request("GET", "/subscribedSkus").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 429, graphCode: "TooManyRequests", retryable: true });
    expect(graph.requests.filter((r) => r.path === "/subscribedSkus")).toHaveLength(3);
  });

  it("turns Graph's error envelope into a typed error, not retried", async () => {
    await start();
    const failure = await client
      .request("POST", "/users/u-cleo/assignLicense", {
        addLicenses: [{ skuId: smallTenant().skus?.[0]?.skuId, disabledPlans: [] }],
        removeLicenses: [],
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphError);
    const error = failure as GraphError;
    expect(error).toMatchObject({ status: 400, graphCode: "Request_BadRequest", retryable: false });
    expect(error.graphMessage).toBe(
      "License assignment cannot be done for user with invalid usage location.",
    );
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(graph.requests.filter((r) => r.path.includes("assignLicense"))).toHaveLength(1);
  });

  it("signs in again once when Graph no longer takes its token", async () => {
    await start();
    await client.request("GET", "/subscribedSkus");
    graph.signIn.revokeAll();
    await client.request("GET", "/subscribedSkus");
    expect(graph.signIn.issued).toBe(2);
    expect(graph.requests.map((r) => r.status)).toEqual([200, 401, 200]);
  });

  it("refuses to send its token to a link outside Graph", async () => {
    await start();
    const failure = await client
      .request("GET", "https://elsewhere.example/v1.0/users")
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ graphCode: "LinkOutsideGraph" });
  });
});

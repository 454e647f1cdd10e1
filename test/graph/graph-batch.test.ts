import { afterEach, describe, expect, it } from "vitest";
import { type BatchRequest, sendBatch } from "../../src/graph/graph-batch.ts";
import type { GraphClient } from "../../src/graph/graph-client.ts";
import type { LocalGraph, LocalUser } from "../../src/local-graph/local-graph-server.ts";
import { localGraphWithClient } from "../helpers/local-graph.ts";
import { BUSINESS_STANDARD, smallTenant } from "./demo-tenant-fixture.ts";

let graph: LocalGraph;
let client: GraphClient;
afterEach(() => graph.close());

const people = (count: number): LocalUser[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `u-${i}`,
    displayName: `Person ${i}`,
    userPrincipalName: `p${i}@example.com`,
    usageLocation: "SE",
  }));

async function start(count: number, seats: number, retry = {}) {
  const tenant = smallTenant();
  const skus = (tenant.skus ?? []).map((sku) =>
    sku.skuId === BUSINESS_STANDARD ? { ...sku, prepaidUnits: { enabled: seats } } : sku,
  );
  ({ graph, client } = await localGraphWithClient(
    { skus, users: people(count) },
    { baseDelayMs: 50, ...retry },
  ));
}

const assignTo = (userId: string): BatchRequest => ({
  method: "POST",
  url: `/users/${userId}/assignLicense`,
  body: { addLicenses: [{ skuId: BUSINESS_STANDARD, disabledPlans: [] }], removeLicenses: [] },
});

const batches = () => graph.requests.filter((r) => r.path === "/$batch");

describe("sending requests in $batch", () => {
  it("splits 45 requests into batches of 20, 20 and 5, answering each in order", async () => {
    await start(45, 100);
    const results = await sendBatch(
      client,
      people(45).map((p) => assignTo(p.id)),
    );
    expect(batches().map((b) => b.items?.length)).toEqual([20, 20, 5]);
    expect(results.every((r) => r.ok && r.status === 200)).toBe(true);
    expect(results.map((r) => (r.ok ? (r.body as { id: string }).id : ""))).toEqual(
      people(45).map((p) => p.id),
    );
  });

  it("sends again only the items Graph throttled, after their Retry-After, and keeps the others' answers", async () => {
    await start(5, 100);
    graph.failures.failBatchItems(2, { status: 429, retryAfterSeconds: 0.3 }, /u-[13]\//);
    const results = await sendBatch(
      client,
      people(5).map((p) => assignTo(p.id)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const [first, second] = batches();
    expect(first?.items?.map((i) => i.status)).toEqual([200, 429, 200, 429, 200]);
    expect(second?.items?.map((i) => i.path)).toEqual([
      "/users/u-1/assignLicense",
      "/users/u-3/assignLicense",
    ]);
    const gap = (second?.at ?? 0) - (first?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(300);
    expect(gap).toBeLessThan(300 + 30 + 250);
  });

  it("retries a 503 item too, but never a refused one: its error is the answer", async () => {
    await start(3, 1);
    graph.failures.failBatchItems(1, { status: 503, retryAfterSeconds: 0.05 }, /u-0\//);
    const results = await sendBatch(
      client,
      people(3).map((p) => assignTo(p.id)),
    );
    // u-1 took the one seat while u-0 waited; u-0 then finds none left, as does u-2.
    expect(results.map((r) => (r.ok ? "ok" : r.error.graphMessage))).toEqual([
      `Subscription ${BUSINESS_STANDARD} does not have any available licenses.`,
      "ok",
      `Subscription ${BUSINESS_STANDARD} does not have any available licenses.`,
    ]);
    expect(batches().map((b) => b.items?.length)).toEqual([3, 1]);
  });

  it("stops retrying an item after the policy's tries, answering Graph's 429", async () => {
    await start(2, 100, { maxAttempts: 2 });
    graph.failures.failBatchItems(5, { status: 429, retryAfterSeconds: 0.05 }, /u-0\//);
    const [stuck, fine] = await sendBatch(client, [assignTo("u-0"), assignTo("u-1")]);
    expect(stuck).toMatchObject({
      ok: false,
      error: { status: 429, graphCode: "TooManyRequests", retryable: true },
    });
    expect(fine?.ok).toBe(true);
    expect(batches()).toHaveLength(2);
  });

  it("fills a retry batch with waiting items beside new ones: few extra calls for a few throttled items", async () => {
    await start(60, 100);
    graph.failures.failBatchItems(3, { status: 429, retryAfterSeconds: 0 });
    const results = await sendBatch(
      client,
      people(60).map((p) => assignTo(p.id)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(batches().map((b) => b.items?.length)).toEqual([20, 20, 20, 3]);
  });

  it("needs at most 1.3 times the ideal number of calls when a tenth of all items are throttled", async () => {
    await start(400, 1000);
    let seed = 42;
    const seeded = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    graph.failures.failBatchItemShare(0.1, { status: 429, retryAfterSeconds: 0 }, seeded);
    const results = await sendBatch(
      client,
      people(400).map((p) => assignTo(p.id)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const throttled = batches()
      .flatMap((b) => b.items ?? [])
      .filter((i) => i.status === 429).length;
    expect(throttled).toBeGreaterThan(20);
    expect(batches().length / Math.ceil(400 / 20)).toBeLessThanOrEqual(1.3);
  });
});

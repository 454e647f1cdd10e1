import { afterEach, describe, expect, it } from "vitest";
import { type BatchOptions, type BatchRequest, sendBatch } from "../../src/graph/graph-batch.ts";
import type { GraphClient } from "../../src/graph/graph-client.ts";
import type { RetryPolicy } from "../../src/graph/retry-delay.ts";
import type {
  LocalGraph,
  LocalGraphOptions,
  LocalUser,
  RecordedGraphRequest,
} from "../../src/local-graph/local-graph-server.ts";
import { localGraphWithClient } from "../helpers/local-graph.ts";
import { BUSINESS_STANDARD, EXCHANGE_PLAN_1, smallTenant } from "./demo-tenant-fixture.ts";

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

async function start(count: number, options: LocalGraphOptions = {}, retry: Partial<RetryPolicy> = {}) {
  const skus = (smallTenant().skus ?? []).map((sku) => ({ ...sku, prepaidUnits: { enabled: 10_000 } }));
  ({ graph, client } = await localGraphWithClient(
    { skus, users: people(count), ...options },
    { baseDelayMs: 100, ...retry },
  ));
}

const change = (userId: string, add: string[], remove: string[] = []): BatchRequest => ({
  method: "POST",
  url: `/users/${userId}/assignLicense`,
  body: { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove },
});
const assignAll = (count: number, options?: BatchOptions) =>
  sendBatch(
    client,
    people(count).map((p) => change(p.id, [BUSINESS_STANDARD])),
    options,
  );

const batches = (): RecordedGraphRequest[] => graph.requests.filter((r) => r.path === "/$batch");

/** Every time the stand-in served an item for `path`: when the call came, when it was answered, and how. */
function sendsOf(path: string) {
  return batches().flatMap((b) =>
    (b.items ?? []).filter((i) => i.path === path).map((i) => ({ ...i, at: b.at, answeredAt: b.answeredAt })),
  );
}

describe("sending many requests in $batch calls", () => {
  it("never sends again an item Graph answered, and sends a throttled one again only after its Retry-After", async () => {
    await start(200);
    graph.failures.failEveryNthBatchItem(5, { status: 429, retryAfterSeconds: 0.2 });
    const results = await assignAll(200);
    expect(results.every((r) => r.ok)).toBe(true);
    let throttled = 0;
    for (const person of people(200)) {
      const sends = sendsOf(`/users/${person.id}/assignLicense`);
      expect(sends.filter((s) => s.status === 200)).toHaveLength(1);
      expect(sends.at(-1)?.status).toBe(200);
      for (let i = 1; i < sends.length; i++) {
        const before = sends[i - 1] as (typeof sends)[number];
        expect(before.status).toBe(429);
        expect((sends[i]?.at ?? 0) - before.answeredAt).toBeGreaterThanOrEqual(200);
        throttled++;
      }
    }
    expect(throttled).toBeGreaterThanOrEqual(40);
  });

  it("backs off with jitter when a throttled item comes without Retry-After", async () => {
    await start(3);
    graph.failures.failBatchItems(1, { status: 429 }, /u-1\//);
    expect((await assignAll(3)).every((r) => r.ok)).toBe(true);
    const [first, again] = sendsOf("/users/u-1/assignLicense");
    // The first backoff is half of baseDelayMs fixed, half random: 50 to 100 ms.
    expect((again?.at ?? 0) - (first?.answeredAt ?? 0)).toBeGreaterThanOrEqual(50);
  });

  it("puts the items throttled in many answers back together in full batches, not a few per call", async () => {
    await start(200);
    graph.failures.failEveryNthBatchItem(10, { status: 429, retryAfterSeconds: 0.2 });
    expect((await assignAll(200)).every((r) => r.ok)).toBe(true);
    // 10 batches of 20 with 2 throttled each: the 20 go back as one batch, whose 2 throttled go back as one.
    expect(batches().length).toBeLessThanOrEqual(13);
    expect(batches().flatMap((b) => b.items ?? [])).toHaveLength(222);
  });

  it("has several calls on their way at once, never more than asked", async () => {
    await start(100, { latencyMs: 80 });
    expect((await assignAll(100, { concurrency: 3 })).every((r) => r.ok)).toBe(true);
    const calls = batches();
    expect(calls).toHaveLength(5);
    const onTheirWay = (t: number) => calls.filter((c) => c.at <= t && t < c.answeredAt).length;
    const most = Math.max(...calls.map((c) => onTheirWay(c.at)));
    expect(most).toBe(3);
  });

  it("sends a person's later change only once the earlier one is answered, as Graph runs a batch in any order", async () => {
    await start(2);
    graph.failures.failBatchItems(1, { status: 429, retryAfterSeconds: 0.1 }, /u-0\//);
    const results = await sendBatch(client, [
      change("u-0", [EXCHANGE_PLAN_1]),
      change("u-1", [EXCHANGE_PLAN_1]),
      change("u-0", [], [EXCHANGE_PLAN_1]),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(graph.tenant.userJson("u-0")?.assignedLicenses).toEqual([]);
    expect(batches().map((b) => b.items?.length)).toEqual([2, 1, 1]);
  });

  it("answers the items of a call that failed, and those not yet sent, with its error instead of throwing", async () => {
    await start(60, {}, { maxAttempts: 2 });
    graph.failures.failRequests(2, { status: 503, retryAfterSeconds: 0 }, /\$batch/);
    const results = await assignAll(60, { concurrency: 1 });
    expect(results).toHaveLength(60);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { status: 503, graphCode: "serviceNotAvailable" } });
    }
    expect(batches()).toHaveLength(2);
    expect(graph.tenant.userJson("u-59")?.assignedLicenses).toEqual([]);
  });
});

/**
 * A bulk replace of 2,000 people's licenses through the Microsoft 365 tenant port, against the
 * Graph stand-in answering every call after a fixed latency and every 10th batch item with 429
 * and Retry-After: 1 (resent items counted too, so a tenth of all items sent): `npm run bench:tenant`.
 * One change per person (add one product, remove another), applied with `applyChanges` as the
 * app does. BENCH_LATENCY_MS sets the latency (default 20). Figures:
 *   requests             Graph calls the stand-in received during the replace (the token was
 *                        fetched before, as an app running for a while has it cached)
 *   ideal_requests       ceil(operations / 20): every change in a full batch, none throttled
 *   retry_after_ms_total the Retry-After waits that cannot overlap: the longest chain of them one
 *                        change was told (see longestWaitChainMs; waits of different changes
 *                        overlap and count once)
 *   ratio_wall           wall / (retry_after_ms_total + ideal_requests × latency), as issue 16 has it
 *   idle_wait_ms         beside them, stricter: the time the client sat with nothing on its way
 *                        and every unanswered item told to wait (see idleWaitMs)
 * The run fails unless every change was applied exactly once in the stand-in's tenant.
 * The last line printed is one JSON object for scripts.
 */
import { availableParallelism, loadavg } from "node:os";
import { loadConfig } from "../src/config.ts";
import { type LocalUser, startLocalGraph } from "../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../src/tenants/microsoft365/connect-microsoft365.ts";
import type { LicenseChange } from "../src/tenants/tenant-port.ts";
import { round } from "./support.ts";
import { idleWaitMs, longestWaitChainMs } from "./tenant-waits.ts";

const PEOPLE = 2000;
const THROTTLE_EVERY = 10;
const RETRY_AFTER_SECONDS = 1;
const OLD = "00000000-0000-4000-8000-00000000000a";
const NEW = "00000000-0000-4000-8000-00000000000b";
const plan = (id: string, name: string) => [{ servicePlanId: id, servicePlanName: name }];

async function main(): Promise<void> {
  const latencyMs = Number(process.env.BENCH_LATENCY_MS || 20);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error("BENCH_LATENCY_MS must be ≥ 0");
  const users: LocalUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `u-${String(i).padStart(4, "0")}`,
    displayName: `Person ${i}`,
    userPrincipalName: `p${i}@bench.example`,
    usageLocation: "SE",
    licenses: [{ skuId: OLD }],
  }));
  const graph = await startLocalGraph({
    latencyMs,
    users,
    skus: [
      {
        skuId: OLD,
        skuPartNumber: "OLD_SUITE",
        prepaidUnits: { enabled: PEOPLE },
        servicePlans: plan("00000000-0000-4000-8000-0000000000a1", "OLD_PLAN"),
      },
      {
        skuId: NEW,
        skuPartNumber: "NEW_SUITE",
        prepaidUnits: { enabled: PEOPLE },
        servicePlans: plan("00000000-0000-4000-8000-0000000000b1", "NEW_PLAN"),
      },
    ],
  });
  try {
    const config = loadConfig({
      M365_TENANT_ID: graph.app.tenantId,
      M365_CLIENT_ID: graph.app.clientId,
      M365_CLIENT_SECRET: graph.app.secrets?.[0],
      M365_GRAPH_URL: graph.graphUrl,
      M365_LOGIN_URL: graph.loginUrl,
    });
    if (!config.microsoft365) throw new Error("the M365_* settings did not make a tenant connection");
    const tenant = connectMicrosoft365(config.microsoft365);
    console.log(
      `tenant bench: ${PEOPLE} people, latency ${latencyMs} ms, every ${THROTTLE_EVERY}th batch item 429 with Retry-After: ${RETRY_AFTER_SECONDS}`,
    );
    const products = await tenant.readProducts();
    if (products.find((p) => p.id === OLD)?.taken !== PEOPLE) throw new Error("the tenant was not seeded");

    const changes: LicenseChange[] = users.map((u) => ({
      personId: u.id,
      add: [{ productId: NEW }],
      remove: [OLD],
    }));
    graph.failures.failEveryNthBatchItem(THROTTLE_EVERY, {
      status: 429,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
    const first = graph.requests.length;
    const started = Date.now();
    const outcomes = await tenant.applyChanges(changes);
    const ended = Date.now();
    graph.failures.failEveryNthBatchItem(0, { status: 429 });
    const calls = graph.requests.slice(first);

    checkApplied(
      graph,
      outcomes.map((o) => o.outcome),
    );
    const items = calls.flatMap((c) => c.items ?? []);
    const throttled = items.filter((i) => i.status === 429).length;
    const requests = calls.length;
    const idealRequests = Math.ceil(changes.length / 20);
    const wallMs = ended - started;
    const waitMs = longestWaitChainMs(calls);
    const idleMs = idleWaitMs(calls, started, ended);
    const ratioRequests = requests / idealRequests;
    const ratioWall = wallMs / (waitMs + idealRequests * latencyMs);
    const sizes = new Map<number, number>();
    for (const c of calls) sizes.set(c.items?.length ?? 0, (sizes.get(c.items?.length ?? 0) ?? 0) + 1);
    console.log(
      `items sent ${items.length} (${throttled} answered 429), batches by size: ${[...sizes]
        .sort(([a], [b]) => b - a)
        .map(([size, count]) => `${count}×${size}`)
        .join(", ")}; most calls at once: ${mostAtOnce(calls)}`,
    );
    console.log(
      `requests ${requests} / ideal ${idealRequests} = ${round(ratioRequests, 2)} (target <= 1.3: ${ratioRequests <= 1.3 ? "met" : "NOT met"})`,
    );
    console.log(
      `wall ${wallMs} ms / (longest chain of Retry-Afters ${waitMs} ms + ${idealRequests} × ${latencyMs} ms) = ${round(ratioWall, 2)} (target <= 1.5: ${ratioWall <= 1.5 ? "met" : "NOT met"})`,
    );
    console.log(
      `idle with every unanswered item told to wait: ${idleMs} ms; load average ${loadavg()
        .map((l) => round(l, 1))
        .join(" ")} on ${availableParallelism()} cores`,
    );
    console.log(
      JSON.stringify({
        bench: "tenant",
        people: PEOPLE,
        latency_ms: latencyMs,
        throttled_items: throttled,
        requests,
        ideal_requests: idealRequests,
        ratio_requests: round(ratioRequests, 2),
        wall_ms: wallMs,
        retry_after_ms_total: waitMs,
        ratio_wall: round(ratioWall, 2),
        idle_wait_ms: idleMs,
      }),
    );
  } finally {
    await graph.close();
  }
}

/** Every change applied, in the tenant itself, and no item sent again once Graph had answered it. */
function checkApplied(graph: Awaited<ReturnType<typeof startLocalGraph>>, outcomes: string[]): void {
  const notApplied = outcomes.filter((o) => o !== "applied").length;
  if (notApplied > 0) throw new Error(`${notApplied} changes were not applied`);
  const seats = new Map(graph.tenant.skuList().map((s) => [s.skuId, s.consumedUnits]));
  if (seats.get(NEW) !== PEOPLE || seats.get(OLD) !== 0) {
    throw new Error(`the tenant holds ${seats.get(NEW)} new and ${seats.get(OLD)} old seats`);
  }
  const answered = new Map<string, number>();
  for (const call of graph.requests) {
    for (const item of call.items ?? []) {
      if (item.status !== 429) answered.set(item.path, (answered.get(item.path) ?? 0) + 1);
    }
  }
  const twice = [...answered.values()].filter((n) => n > 1).length;
  if (answered.size !== PEOPLE || twice > 0) {
    throw new Error(`${answered.size} people answered, ${twice} of them more than once`);
  }
}

function mostAtOnce(calls: { at: number; answeredAt: number }[]): number {
  return Math.max(0, ...calls.map((c) => calls.filter((o) => o.at <= c.at && c.at < o.answeredAt).length));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

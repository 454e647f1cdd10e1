/**
 * Database throughput of assignProduct on Postgres, against a raw postgres.js baseline on the same
 * server, in a throwaway database: `npm run bench:db`. BENCH_SECONDS sets each phase's length,
 * BENCH_WARMUP_SECONDS its warm-up, BENCH_DATABASE_URL (or DATABASE_URL) the local server.
 * The last line printed is one JSON object for scripts.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { asTableOwner } from "../src/db/workspace-scope.ts";
import type { Actor } from "../src/licensing/actor.ts";
import { assignProduct } from "../src/licensing/assign-product.ts";
import { systemClock } from "../src/licensing/clock.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { countAssignmentsAndSeats, seedWorkspace } from "./seed.ts";
import {
  type BenchSettings,
  createServerProbe,
  describeServer,
  describeServerCpu,
  formatMs,
  formatRate,
  formatShare,
  otherLoad,
  type PhaseResult,
  readSettings,
  reportPhaseNotes,
  round,
  roundRate,
  runMain,
  runPhase,
  type ScratchDatabase,
  type ServerProbe,
  sampleSerial,
  withScratchDatabase,
} from "./support.ts";

const WORKSPACE_ID = "TBENCH";
const SPREAD_PRODUCTS = 20;
const SEATS = 1_000_000;
const PEOPLE_CHUNK = 5000;
const BASELINE_ROWS_PER_WORKER = 100;
const SERIAL_WARMUP = 20;
const SERIAL_SAMPLES = 50;
/** Cores of other load during a phase above which its figure is flagged as noisy. */
const NOISY_OTHER_LOAD = 0.3;
/** Assigns spread over 20 products, against the raw-update baseline. */
const TARGET_RATIO_SPREAD = 0.4;
/** Over the rate the serial latency allows, so the timed phases never run out of unassigned people. */
const PEOPLE_HEADROOM = 1.5;

const actor: Actor = { userId: "UBENCH", source: "command", requestId: "bench" };

interface Cleanup {
  handle?: DatabaseHandle;
  raw?: postgres.Sql;
  probe?: ServerProbe;
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  console.log(
    `db bench on ${describeServer(settings.serverUrl)}: ${settings.workers} workers, ` +
      `${settings.warmupSeconds} s warm-up + ${settings.seconds} s per phase`,
  );
  const cleanup: Cleanup = {};
  return withScratchDatabase(
    settings.serverUrl,
    (scratch, signal) => bench(settings, scratch, cleanup, signal),
    async () => {
      // Connections closed before the drop: a backend killed under a live client is what crashes drivers.
      await Promise.allSettled([
        cleanup.handle?.close(),
        cleanup.raw?.end({ timeout: 5 }),
        cleanup.probe?.close(),
      ]);
    },
  );
}

async function bench(
  settings: BenchSettings,
  scratch: ScratchDatabase,
  cleanup: Cleanup,
  signal: AbortSignal,
): Promise<void> {
  const { workers } = settings;
  const phase = { workers, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds, signal };
  const target: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: workers };
  const handle = await openDatabase(target, { unscoped: "all-workspaces" });
  cleanup.handle = handle;
  await migrateDatabase(handle, target);
  const { db } = handle;
  const probe = await createServerProbe(scratch.url);
  cleanup.probe = probe;

  // Baseline: the cheapest write transaction the driver can do, each worker on rows of its own.
  const raw = postgres(scratch.url, { max: workers, onnotice: () => {} });
  cleanup.raw = raw;
  const [server] = await raw<{ server_version: string }[]>`show server_version`;
  console.log(`PostgreSQL ${server?.server_version}`);
  await raw`create table bench_rows (id integer primary key, n bigint not null default 0)`;
  await raw`insert into bench_rows (id) select generate_series(0, ${workers * BASELINE_ROWS_PER_WORKER - 1})`;
  await raw`vacuum analyze bench_rows`;
  const updateRow = async (id: number) => {
    const result = await raw.begin((tx) => tx`update bench_rows set n = n + 1 where id = ${id}`);
    if (result.count !== 1) throw new Error(`baseline update of row ${id} touched ${result.count} rows`);
  };
  for (let i = 0; i < SERIAL_WARMUP; i += 1) await updateRow(i % BASELINE_ROWS_PER_WORKER);
  const baselineSerial = await sampleSerial(SERIAL_SAMPLES, () => updateRow(0));
  const baselineTurns = Array.from({ length: workers }, () => 0);
  const baseline = await runPhase({
    ...phase,
    probe,
    op: async (worker) => {
      const turn = baselineTurns[worker] ?? 0;
      baselineTurns[worker] = turn + 1;
      await updateRow(worker * BASELINE_ROWS_PER_WORKER + (turn % BASELINE_ROWS_PER_WORKER));
      return true;
    },
  });
  await raw.end({ timeout: 5 });
  cleanup.raw = undefined;
  report("baseline (raw update tx)", baseline);

  // The app's own path from here on.
  const seedStarted = performance.now();
  // 21 products: the first for the one-product phase, the other 20 for the spread one.
  const productIds = (
    await seedWorkspace(db, { workspaceId: WORKSPACE_ID, count: SPREAD_PRODUCTS + 1, seats: SEATS, actor })
  ).map((p) => p.id);
  const [oneProduct, ...spreadProducts] = productIds;
  if (!oneProduct || spreadProducts.length !== SPREAD_PRODUCTS) throw new Error("bench catalog did not load");

  let seeded = 0;
  const seedPeople = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let start = 0; start < count; start += PEOPLE_CHUNK) {
      signal.throwIfAborted();
      const chunk = Array.from({ length: Math.min(PEOPLE_CHUNK, count - start) }, () => {
        seeded += 1;
        return { slackUserId: `UB${seeded}`, name: `Bench person ${seeded}`, usageLocation: "SE" };
      });
      const rows = await upsertPeople(db, { workspaceId: WORKSPACE_ID, people: chunk });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  };

  let assigned = 0;
  const assign = async (personId: string, productId: string) => {
    const outcome = await assignProduct(db, systemClock, {
      workspaceId: WORKSPACE_ID,
      personId,
      productId,
      actor,
    });
    if (!outcome.ok) throw new Error(`assignProduct refused: ${JSON.stringify(outcome)}`);
    assigned += 1;
  };

  // A serial sample first: its latency bounds what 8 workers can reach, which sizes the people pools.
  const serialPeople = await seedPeople(SERIAL_WARMUP + SERIAL_SAMPLES);
  let serialNext = 0;
  const assignSerial = () => {
    const i = serialNext++;
    return assign(serialPeople[i] as string, spreadProducts[i % SPREAD_PRODUCTS] as string);
  };
  for (let i = 0; i < SERIAL_WARMUP; i += 1) await assignSerial();
  const assignSerialSample = await sampleSerial(SERIAL_SAMPLES, assignSerial);
  const reachable = (workers * 1000) / assignSerialSample.latencyMs;
  const poolSize = Math.min(
    Math.ceil(reachable * (settings.warmupSeconds + settings.seconds) * PEOPLE_HEADROOM) + 1000,
    Math.ceil(baseline.tps * (settings.warmupSeconds + settings.seconds) * PEOPLE_HEADROOM) + 1000,
    SEATS - SERIAL_WARMUP - SERIAL_SAMPLES,
  );
  const onePeople = await seedPeople(poolSize);
  const spreadPeople = await seedPeople(poolSize);
  await asTableOwner(() => db.execute(sql`vacuum analyze`));
  console.log(
    `seeded ${productIds.length} products and ${seeded.toLocaleString("en-US")} people in ` +
      `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  console.log(
    `serial, one at a time: raw update tx ${formatMs(baselineSerial.latencyMs)} in ` +
      `${baselineSerial.roundTrips.toFixed(1)} round trips; assignProduct ${formatMs(assignSerialSample.latencyMs)} ` +
      `in ${assignSerialSample.roundTrips.toFixed(1)} round trips`,
  );

  let oneNext = 0;
  const one = await runPhase({
    ...phase,
    probe,
    op: async () => {
      const personId = onePeople[oneNext++];
      if (!personId) return false;
      await assign(personId, oneProduct);
      return true;
    },
  });
  report("assign_one_product", one, baseline);

  let spreadNext = 0;
  const spread = await runPhase({
    ...phase,
    probe,
    op: async () => {
      const i = spreadNext++;
      const personId = spreadPeople[i];
      if (!personId) return false;
      await assign(personId, spreadProducts[i % SPREAD_PRODUCTS] as string);
      return true;
    },
  });
  report(`assign_spread (${SPREAD_PRODUCTS} products)`, spread, baseline);

  // Every successful call must have left exactly one assignment and one taken seat behind.
  const check = await countAssignmentsAndSeats(db);
  if (check?.assignments !== assigned || check.seats !== assigned) {
    throw new Error(
      `${assigned} successful assigns left ${check?.assignments} assignments and ${check?.seats} taken seats`,
    );
  }
  console.log(`check: ${assigned.toLocaleString("en-US")} assigns, as many assignments and taken seats`);

  const phases = { baseline, assign_one_product: one, assign_spread: spread };
  const noisy = Object.entries(phases)
    .filter(([, result]) => (otherLoad(result) ?? 0) > NOISY_OTHER_LOAD)
    .map(([name]) => name);
  if (noisy.length > 0) {
    console.log(`warning: other load on the host during ${noisy.join(", ")}: ratios are unreliable`);
  }
  const ratioOne = one.tps / baseline.tps;
  const ratioSpread = spread.tps / baseline.tps;
  console.log(
    `ratio_one ${ratioOne.toFixed(3)}, ratio_spread ${ratioSpread.toFixed(3)} (target ratio_spread >= ${TARGET_RATIO_SPREAD}: ` +
      `${ratioSpread >= TARGET_RATIO_SPREAD ? "met" : "NOT met"})`,
  );
  console.log(
    JSON.stringify({
      bench: "db",
      baseline_tps: roundRate(baseline.tps),
      assign_one_product_tps: roundRate(one.tps),
      assign_spread_tps: roundRate(spread.tps),
      ratio_one: round(ratioOne, 3),
      ratio_spread: round(ratioSpread, 3),
    }),
  );
}

function report(label: string, result: PhaseResult, baseline?: PhaseResult): void {
  const ratio = baseline ? `  ratio ${(result.tps / baseline.tps).toFixed(3)}` : "";
  console.log(
    `${label}: ${formatRate(result.tps)}/s (${result.ops.toLocaleString("en-US")} in ${result.seconds.toFixed(1)} s)${ratio}`,
  );
  const { cpu } = result;
  const server = describeServerCpu(result);
  console.log(
    `  latency p50 ${formatMs(result.latencyMs.p50)}, p95 ${formatMs(result.latencyMs.p95)}, ` +
      `p99 ${formatMs(result.latencyMs.p99)}; cpu in cores of ${cpu.cores}: bench ${cpu.bench.toFixed(2)}, ${server}`,
  );
  const waits = result.waits
    .slice(0, 5)
    .map((w) => `${w.what} ${formatShare(w.share)}`)
    .join(", ");
  if (waits) console.log(`  server backends: ${waits}`);
  reportPhaseNotes(result, NOISY_OTHER_LOAD);
}

runMain(main);

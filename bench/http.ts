/**
 * Throughput of `/license` over HTTP, end to end, on Postgres, in a throwaway database:
 * `npm run bench:http`. Signed slash commands go to the app on 127.0.0.1; the app talks to a fake
 * Slack Web API (also on 127.0.0.1) and answers through its response_url there. A request counts as
 * done when the app answered HTTP 200 and its reply reached the response_url. Phases:
 *
 *   ack_only     a bare Bolt app that only acks: the floor the HTTP + signature path sets
 *   status       the real app, `/license status`
 *   assign       the real app, `/license assign <@U…> product` by an admin, a new person each time
 *                over 20 products (closed loop, then open loop at half that rate for the p99)
 *   direct       assignProduct itself with 8 workers on the same kind of data
 *
 * The people assigned are in the database beforehand (as they are once the directory has synced),
 * so the figures leave out the first-time Slack lookup of a person. The app runs as deployed, `src/main.ts`
 * in a process of its own configured through its environment (the ack-only app likewise); the load
 * generator and the fake Slack share this process. BENCH_SECONDS sets each phase's length, BENCH_WARMUP_SECONDS its
 * warm-up, BENCH_HTTP_CLIENTS the concurrent clients (16), BENCH_DATABASE_URL (or DATABASE_URL) the
 * local server. The last line printed is one JSON object for scripts.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { asTableOwner } from "../src/db/workspace-scope.ts";
import type { Actor } from "../src/licensing/actor.ts";
import { assignProduct } from "../src/licensing/assign-product.ts";
import { systemClock } from "../src/licensing/clock.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../src/local-slack/signed-requests.ts";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import { countAssignmentsAndSeats, seedWorkspace } from "./seed.ts";
import {
  type BenchSettings,
  createServerProbe,
  describeServer,
  describeServerCpu,
  formatMs,
  formatRate,
  formatShare,
  type PhaseResult,
  percentiles,
  positiveInteger,
  processTicks,
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

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const PRODUCTS = 20;
const SEATS = 1_000_000;
const PEOPLE_CHUNK = 5000;
const DEFAULT_CLIENTS = 16;
/** The bench's own connections, for seeding and checking. */
const SEED_POOL_MAX = 4;
const DIRECT_WORKERS = 8;
const SERIAL_WARMUP = 20;
const SERIAL_SAMPLES = 50;
/** More people than the rate seen so far needs, so a phase does not run out of unassigned ones. */
const PEOPLE_HEADROOM = 1.5;
/** A reply that has not arrived by then is a failure, not a slow request. */
const REPLY_TIMEOUT_MS = 10_000;
/** Cores of other load during a phase above which its figure is flagged as noisy. */
const NOISY_OTHER_LOAD = 0.3;
const TARGET_RATIO = 0.75;
const TARGET_P99_HALF_MS = 100;
const TARGET_CPU_RATIO = 2;

const STATUS_REPLY = /^Seat availability for 20 products: 0 with no seats left\.$/;
const ASSIGN_REPLY = /^Assigned Bench product \d+ to 1 person\.$/;
const ERROR_REPLIES = ["Something went wrong", "Only license admins"];

interface Cleanup {
  handles: DatabaseHandle[];
  probe?: ServerProbe;
  fake?: FakeSlackApi;
  apps: AppProcess[];
  watcher?: ReplyWatcher;
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const clients = positiveInteger(process.env.BENCH_HTTP_CLIENTS, DEFAULT_CLIENTS, "BENCH_HTTP_CLIENTS");
  console.log(
    `http bench on ${describeServer(settings.serverUrl)}: ${clients} HTTP clients, ` +
      `${DIRECT_WORKERS} direct workers, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per phase`,
  );
  const cleanup: Cleanup = { handles: [], apps: [] };
  return withScratchDatabase(
    settings.serverUrl,
    (scratch, signal) => bench(settings, clients, scratch, cleanup, signal),
    async () => {
      cleanup.watcher?.close();
      // The apps first (they hold connections to the database), then the pools, then the drop.
      await Promise.allSettled(cleanup.apps.map((app) => app.close()));
      await Promise.allSettled([cleanup.fake?.close(), cleanup.probe?.close()]);
      await Promise.allSettled(cleanup.handles.map((h) => h.close()));
    },
  );
}

async function bench(
  settings: BenchSettings,
  clients: number,
  scratch: ScratchDatabase,
  cleanup: Cleanup,
  signal: AbortSignal,
): Promise<void> {
  const phase = { warmupSeconds: settings.warmupSeconds, seconds: settings.seconds, signal };
  const seedTarget: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: SEED_POOL_MAX };
  const seedHandle = await openDatabase(seedTarget, { unscoped: "all-workspaces" });
  cleanup.handles.push(seedHandle);
  await migrateDatabase(seedHandle, seedTarget);
  const { db } = seedHandle;
  const probe = await createServerProbe(scratch.url);
  cleanup.probe = probe;

  const fake = await startFakeSlackApi();
  cleanup.fake = fake;
  const watcher = new ReplyWatcher(fake);
  cleanup.watcher = watcher;
  const workspaceId = fake.teamId;
  const admin = fake.users.add({ id: "UBENCHADMIN", name: "bench-admin", is_admin: true });

  const seedStarted = performance.now();
  // 20 products, half of them with a service that some locations do not get.
  const catalog = await seedWorkspace(db, {
    workspaceId,
    count: PRODUCTS,
    seats: SEATS,
    actor: { userId: "UBENCH", source: "cli" },
  });
  if (catalog.length !== PRODUCTS) throw new Error("bench catalog did not load");
  console.log(
    `seeded ${PRODUCTS} products in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ` +
      `${SEATS.toLocaleString("en-US")} seats each`,
  );

  // People: in the database (usage location SE) and, for the HTTP phases, in the fake Slack too.
  let seeded = 0;
  const seedPeople = async (count: number, inSlack: boolean) => {
    const seededPeople: { id: string; slackUserId: string }[] = [];
    for (let start = 0; start < count; start += PEOPLE_CHUNK) {
      signal.throwIfAborted();
      const chunk = Array.from({ length: Math.min(PEOPLE_CHUNK, count - start) }, () => {
        seeded += 1;
        const slackUserId = `UM${String(seeded).padStart(8, "0")}`;
        if (inSlack) fake.users.add({ id: slackUserId, name: `member-${seeded}` });
        return { slackUserId, name: `Bench person ${seeded}`, usageLocation: "SE" };
      });
      seededPeople.push(...(await upsertPeople(db, { workspaceId, people: chunk })));
    }
    await asTableOwner(() => db.execute(sql`analyze people`));
    return seededPeople;
  };

  const slackEnv = {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: fake.token,
    SLACK_API_URL: fake.url,
  };
  let app: AppProcess | undefined;
  const errorReply = (text: string) => {
    const logged = app?.errors[0] ? `; the app logged: ${app.errors[0]}` : "";
    return new Error(`error reply "${text}"${logged}`);
  };

  /** One signed `/license <text>`; resolves with the reply's text once it reached the response_url. */
  const command = async (appUrl: string, userId: string, text: string): Promise<string> => {
    const responseUrl = fake.responseUrl();
    const reply = watcher.expect(responseUrl);
    const http = await postSlashCommand(appUrl, SIGNING_SECRET, {
      command: "/license",
      text,
      user_id: userId,
      team_id: workspaceId,
      trigger_id: fake.issueTriggerId(),
      response_url: responseUrl,
    }).catch((error: unknown) => {
      watcher.cancel(responseUrl);
      throw error;
    });
    if (http.status !== 200) {
      watcher.cancel(responseUrl);
      throw new Error(`/license ${text}: HTTP ${http.status} ${JSON.stringify(http.body)}`);
    }
    const body = await reply;
    const replyText = (body as { text?: unknown } | null)?.text;
    if (typeof replyText !== "string") throw new Error(`/license ${text}: a reply without text`);
    if (ERROR_REPLIES.some((e) => replyText.includes(e))) throw errorReply(replyText);
    return replyText;
  };

  // 1. A bare Bolt app that acks, served the way startSlackApp serves the real one.
  const bare = await startAppProcess("bench/ack-only-app.ts", slackEnv);
  cleanup.apps.push(bare);
  const ackOnly = await measure(
    bare,
    runPhase({
      ...phase,
      workers: clients,
      probe,
      op: async () => {
        const http = await postSlashCommand(bare.url, SIGNING_SECRET, {
          command: "/license",
          text: "status",
          user_id: admin.id,
          team_id: workspaceId,
          trigger_id: fake.issueTriggerId(),
          response_url: fake.responseUrl(),
        });
        if (http.status !== 200) throw new Error(`ack-only app: HTTP ${http.status}`);
        return true;
      },
    }),
  );
  await bare.close();
  cleanup.apps = [];
  report("ack_only (bare Bolt app)", ackOnly);

  // 2. The real app with its default settings (a pool of DATABASE_POOL_MAX = 10).
  const running = await startAppProcess("src/main.ts", {
    ...slackEnv,
    DATABASE_URL: scratch.url,
    PORT: "0",
    HOST: "127.0.0.1",
  });
  app = running;
  cleanup.apps.push(running);
  const status = await measure(
    running,
    runPhase({
      ...phase,
      workers: clients,
      probe,
      op: async () => {
        const text = await command(running.url, admin.id, "status");
        if (!STATUS_REPLY.test(text)) throw new Error(`/license status: unexpected reply "${text}"`);
        return true;
      },
    }),
  );
  report("status (real app)", status, ackOnly);

  // 3. Assign over HTTP, a new person each time, closed loop: the maximum rate and its latency.
  let httpAssigned = 0;
  const assignOverHttp = async (person: { slackUserId: string }, i: number) => {
    const product = catalog[i % PRODUCTS]?.key as string;
    const text = await command(running.url, admin.id, `assign <@${person.slackUserId}> ${product}`);
    if (!ASSIGN_REPLY.test(text)) throw new Error(`/license assign: unexpected reply "${text}"`);
    httpAssigned += 1;
  };
  const closedPeople = await seedPeople(
    Math.ceil(status.tps * (settings.warmupSeconds + settings.seconds) * PEOPLE_HEADROOM) + 1000,
    true,
  );
  const assign = await measure(
    running,
    runPhase({ ...phase, workers: clients, probe, op: eachInTurn(closedPeople, assignOverHttp) }),
  );
  report("assign (real app, closed loop)", assign, ackOnly);

  // The same at half that rate, open loop: requests leave on a fixed schedule whatever came back.
  const halfRate = assign.tps / 2;
  const openPeople = await seedPeople(
    Math.ceil(halfRate * (settings.warmupSeconds + settings.seconds)) + 100,
    true,
  );
  let openNext = 0;
  const half = await measure(
    running,
    runOpenLoop({
      ...phase,
      rate: halfRate,
      op: async () => {
        const i = openNext++;
        const person = openPeople[i];
        if (!person) throw new Error("the open-loop run ran out of people");
        await assignOverHttp(person, i);
      },
    }),
  );
  reportOpenLoop(half);
  await running.close();
  cleanup.apps = [];

  // 4. assignProduct itself, as bench:db runs it, on a pool the size of its workers.
  const directTarget: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: DIRECT_WORKERS };
  const directHandle = await openDatabase(directTarget, { unscoped: "all-workspaces" });
  cleanup.handles.push(directHandle);
  const actor: Actor = { userId: admin.id, source: "command", requestId: "bench" };
  let directAssigned = 0;
  const assignDirect = async (personId: string, i: number) => {
    const outcome = await assignProduct(directHandle.db, systemClock, {
      workspaceId,
      personId,
      productId: catalog[i % PRODUCTS]?.id as string,
      actor,
    });
    if (!outcome.ok) throw new Error(`assignProduct refused: ${JSON.stringify(outcome)}`);
    directAssigned += 1;
  };
  const serialPeople = await seedPeople(SERIAL_WARMUP + SERIAL_SAMPLES, false);
  let serialNext = 0;
  const assignSerial = () => {
    const i = serialNext++;
    return assignDirect(serialPeople[i]?.id as string, i);
  };
  for (let i = 0; i < SERIAL_WARMUP; i += 1) await assignSerial();
  const serial = await sampleSerial(SERIAL_SAMPLES, assignSerial);
  const reachable = (DIRECT_WORKERS * 1000) / serial.latencyMs;
  const directPeople = await seedPeople(
    Math.min(
      Math.ceil(reachable * (settings.warmupSeconds + settings.seconds) * PEOPLE_HEADROOM) + 1000,
      SEATS - seeded,
    ),
    false,
  );
  console.log(
    `serial assignProduct: ${formatMs(serial.latencyMs)} in ${serial.roundTrips.toFixed(1)} round trips`,
  );
  const direct = await measure(
    undefined,
    runPhase({
      ...phase,
      workers: DIRECT_WORKERS,
      probe,
      op: eachInTurn(directPeople, (person, i) => assignDirect(person.id, i)),
    }),
  );
  report(`assign_direct (${DIRECT_WORKERS} workers)`, direct);

  // Every assign that replied success left exactly one assignment and one taken seat, and no more.
  const assigned = httpAssigned + directAssigned;
  const check = await countAssignmentsAndSeats(db);
  if (check?.assignments !== assigned || check.seats !== assigned) {
    throw new Error(
      `${assigned} successful assigns (${httpAssigned} over HTTP, ${directAssigned} direct) left ` +
        `${check?.assignments} assignments and ${check?.seats} taken seats`,
    );
  }
  console.log(
    `check: ${assigned.toLocaleString("en-US")} assigns (${httpAssigned.toLocaleString("en-US")} over HTTP, ` +
      `${directAssigned.toLocaleString("en-US")} direct), as many assignments and taken seats; ` +
      `${running.logged()} app log lines, ${running.errors.length} of them errors`,
  );

  const ratio = assign.tps / direct.tps;
  const p99Half = half.latencyMs.p99;
  // CPU per request, in ms: the app's process for an HTTP assign, against what no app can avoid:
  // the bare Bolt app's per request plus the client's own per direct assign (drizzle, pg, the SQL).
  const cpuMsPerOp = (cores: number | null, tps: number) =>
    cores === null ? Number.NaN : (cores / tps) * 1000;
  const appCpuMs = cpuMsPerOp(assign.appCores, assign.tps);
  const floorCpuMs = cpuMsPerOp(ackOnly.appCores, ackOnly.tps) + cpuMsPerOp(direct.cpu.bench, direct.tps);
  const cpuRatio = appCpuMs / floorCpuMs;
  console.log(
    `app CPU per HTTP assign ${formatMs(appCpuMs)} against a floor of ${formatMs(floorCpuMs)}: ratio ` +
      `${cpuRatio.toFixed(2)} (target <= ${TARGET_CPU_RATIO}: ${cpuRatio <= TARGET_CPU_RATIO ? "met" : "NOT met"})`,
  );
  console.log(
    `ratio assign over HTTP / direct ${ratio.toFixed(3)} (target >= ${TARGET_RATIO}: ` +
      `${ratio >= TARGET_RATIO ? "met" : "NOT met"})`,
  );
  console.log(
    `assign p99 at half the maximum rate ${formatMs(p99Half)} (target < ${TARGET_P99_HALF_MS} ms: ` +
      `${p99Half < TARGET_P99_HALF_MS ? "met" : "NOT met"})`,
  );
  console.log(
    JSON.stringify({
      bench: "http",
      ack_only_rps: roundRate(ackOnly.tps),
      status_rps: roundRate(status.tps),
      assign_rps: roundRate(assign.tps),
      assign_direct_tps: roundRate(direct.tps),
      assign_p99_ms: round(assign.latencyMs.p99, 1),
      assign_p99_half_ms: round(p99Half, 1),
      ratio_assign_http_to_direct: round(ratio, 3),
      app_cpu_ms_per_assign: round(appCpuMs, 3),
      floor_cpu_ms: round(floorCpuMs, 3),
      ratio_app_cpu_to_floor: round(cpuRatio, 2),
    }),
  );
}

/**
 * Resolves with the body the app posted to a response_url the moment the fake has answered that
 * POST, told by Node's `http.server.response.finish` diagnostics channel: no polling, no patching.
 */
class ReplyWatcher {
  readonly #pending = new Map<
    string,
    { url: string; deadline: number; resolve(body: unknown): void; reject(error: Error): void }
  >();
  readonly #sweeper: NodeJS.Timeout;

  constructor(private readonly fake: FakeSlackApi) {
    subscribe("http.server.response.finish", this.#onFinish);
    this.#sweeper = setInterval(() => {
      const now = performance.now();
      for (const [path, waiter] of this.#pending) {
        if (waiter.deadline >= now) continue;
        this.#pending.delete(path);
        waiter.reject(new Error(`no reply at ${waiter.url} within ${REPLY_TIMEOUT_MS} ms`));
      }
    }, 250);
    this.#sweeper.unref();
  }

  expect(url: string): Promise<unknown> {
    const reply = new Promise<unknown>((resolve, reject) => {
      const deadline = performance.now() + REPLY_TIMEOUT_MS;
      this.#pending.set(new URL(url).pathname, { url, deadline, resolve, reject });
    });
    // Whoever stops waiting early must not leave an unhandled rejection behind.
    reply.catch(() => {});
    return reply;
  }

  cancel(url: string): void {
    this.#pending.delete(new URL(url).pathname);
  }

  close(): void {
    unsubscribe("http.server.response.finish", this.#onFinish);
    clearInterval(this.#sweeper);
  }

  readonly #onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const path = request.url;
    const waiter = path === undefined ? undefined : this.#pending.get(path);
    if (!waiter || !path) return;
    this.#pending.delete(path);
    if (response.statusCode !== 200) {
      waiter.reject(new Error(`the fake refused the reply at ${waiter.url}: HTTP ${response.statusCode}`));
      return;
    }
    const [body] = this.fake.responses(waiter.url);
    if (body === undefined) waiter.reject(new Error(`the fake kept no reply at ${waiter.url}`));
    else waiter.resolve(body);
  };
}

/** An operation that takes the next item of `items` on each call, and ends the phase once they run out. */
function eachInTurn<T>(items: readonly T[], use: (item: T, index: number) => Promise<void>) {
  let next = 0;
  return async (): Promise<boolean> => {
    const index = next++;
    const item = items[index];
    if (item === undefined) return false;
    await use(item, index);
    return true;
  };
}

interface OpenLoopResult {
  rate: number;
  sent: number;
  seconds: number;
  /** From each request's scheduled departure to its reply: lateness of the sender counts. */
  latencyMs: PhaseResult["latencyMs"];
  /** From the actual POST to the reply. */
  fromPostMs: PhaseResult["latencyMs"];
  maxInFlight: number;
}

/**
 * Sends at a fixed rate, each request on its own schedule, whatever the earlier ones are doing: a
 * slow reply does not hold the next request back, so queueing shows in the latency. Requests
 * scheduled during the warm-up are sent but not counted. The first error ends the run.
 */
async function runOpenLoop(options: {
  rate: number;
  warmupSeconds: number;
  seconds: number;
  op: () => Promise<void>;
  signal?: AbortSignal;
}): Promise<OpenLoopResult> {
  const intervalMs = 1000 / options.rate;
  const total = Math.floor((options.warmupSeconds + options.seconds) * options.rate);
  const countFromMs = options.warmupSeconds * 1000;
  const fromSchedule: number[] = [];
  const fromPost: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let maxInFlight = 0;
  let failure: { error: unknown } | undefined;
  let sent = 0;
  const t0 = performance.now();
  while (sent < total && !failure && !options.signal?.aborted) {
    const now = performance.now() - t0;
    while (sent < total && sent * intervalMs <= now) {
      const scheduled = sent * intervalMs;
      const counted = scheduled >= countFromMs;
      sent += 1;
      const posted = performance.now();
      const request: Promise<void> = options.op().then(
        () => {
          const done = performance.now();
          if (!counted) return;
          fromSchedule.push(done - t0 - scheduled);
          fromPost.push(done - posted);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      );
      inFlight.add(request);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
      void request.finally(() => inFlight.delete(request));
    }
    await sleep(Math.max(0, sent * intervalMs - (performance.now() - t0)));
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  if (options.signal?.aborted) throw new Error("interrupted");
  return {
    rate: options.rate,
    sent: fromSchedule.length,
    seconds: options.seconds,
    latencyMs: percentiles(fromSchedule),
    fromPostMs: percentiles(fromPost),
    maxInFlight,
  };
}

interface EventLoopFigures {
  /** Share of the time this process's one JavaScript thread was busy, warm-up included. */
  eventLoop: number;
  /** The longest the thread kept a due timer waiting: a stall in this process (GC, long sync work). */
  eventLoopMaxDelayMs: number;
  /** Cores the app's process used, warm-up included; null with no app process or no /proc. */
  appCores: number | null;
}

async function measure<T extends object>(
  app: AppProcess | undefined,
  running: Promise<T>,
): Promise<T & EventLoopFigures> {
  const before = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const appTicks = app ? await processTicks(app.pid) : null;
  const t0 = performance.now();
  delay.enable();
  try {
    const result = await running;
    const appTicksAfter = app ? await processTicks(app.pid) : null;
    const seconds = (performance.now() - t0) / 1000;
    return {
      ...result,
      eventLoop: performance.eventLoopUtilization(before).utilization,
      eventLoopMaxDelayMs: delay.max / 1e6,
      appCores:
        appTicks === null || appTicksAfter === null
          ? null
          : (appTicksAfter - appTicks) / TICKS_PER_SECOND / seconds,
    };
  } finally {
    delay.disable();
  }
}

/** Linux counts process CPU time in ticks of 1/100 s on every common build. */
const TICKS_PER_SECOND = 100;

function describeEventLoop(figures: EventLoopFigures): string {
  const app = figures.appCores === null ? "" : `app process ${figures.appCores.toFixed(2)} cores; `;
  return `${app}bench event loop busy ${formatShare(figures.eventLoop)}, longest stall ${formatMs(figures.eventLoopMaxDelayMs)}`;
}

function report(label: string, result: PhaseResult & EventLoopFigures, ackOnly?: PhaseResult): void {
  const share = ackOnly ? ` (${formatShare(result.tps / ackOnly.tps)} of ack_only)` : "";
  console.log(
    `${label}: ${formatRate(result.tps)}/s${share} (${result.ops.toLocaleString("en-US")} in ${result.seconds.toFixed(1)} s)`,
  );
  const { cpu } = result;
  // The app's own process is part of the run, not other load: "everything else" leaves it out.
  const beyondApp =
    result.appCores === null ? result : { ...result, cpu: { ...cpu, host: cpu.host - result.appCores } };
  const server = describeServerCpu(beyondApp);
  console.log(
    `  latency p50 ${formatMs(result.latencyMs.p50)}, p95 ${formatMs(result.latencyMs.p95)}, ` +
      `p99 ${formatMs(result.latencyMs.p99)}; cpu in cores of ${cpu.cores}: this process ${cpu.bench.toFixed(2)}, ` +
      `${server}; ${describeEventLoop(result)}`,
  );
  const waits = result.waits
    .slice(0, 4)
    .map((w) => `${w.what} ${formatShare(w.share)}`)
    .join(", ");
  if (waits) console.log(`  server backends: ${waits}`);
  reportPhaseNotes(beyondApp, NOISY_OTHER_LOAD);
}

function reportOpenLoop(result: OpenLoopResult & EventLoopFigures): void {
  console.log(
    `assign at half rate (open loop, ${result.rate.toFixed(0)}/s offered): ${result.sent.toLocaleString("en-US")} ` +
      `in ${result.seconds.toFixed(1)} s, at most ${result.maxInFlight} in flight; ${describeEventLoop(result)}`,
  );
  const line = (l: PhaseResult["latencyMs"]) =>
    `p50 ${formatMs(l.p50)}, p95 ${formatMs(l.p95)}, p99 ${formatMs(l.p99)}`;
  console.log(
    `  latency from schedule ${line(result.latencyMs)}; from the actual POST ${line(result.fromPostMs)}`,
  );
}

runMain(main);

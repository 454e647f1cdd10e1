import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export interface BenchSettings {
  serverUrl: string;
  seconds: number;
  warmupSeconds: number;
  workers: number;
}

const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/test";
const LOOPBACK_HOSTS = new Set(["", "localhost", "127.0.0.1", "[::1]"]);

export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const serverUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL || DEFAULT_SERVER_URL;
  const host = new URL(serverUrl).hostname;
  // The bench creates and force-drops databases: a DATABASE_URL left pointing at a shared server must not get that.
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(
      `refusing to run against ${host}: the bench only creates and drops databases on a local server`,
    );
  }
  return {
    serverUrl,
    seconds: positiveNumber(env.BENCH_SECONDS, 5, "BENCH_SECONDS"),
    warmupSeconds: positiveNumber(env.BENCH_WARMUP_SECONDS, 1, "BENCH_WARMUP_SECONDS"),
    workers: 8,
  };
}

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Host and port only, so a password in the URL is never printed. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
}

const SCRATCH_PREFIX = "license_desk_bench_";
const STALE_AFTER_SECONDS = 3600;

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the given server, so the bench never touches real data. Databases left by
 * a killed run are dropped once they are an hour old.
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `${SCRATCH_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${SCRATCH_PREFIX}%`],
    );
    const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(SCRATCH_PREFIX.length).split("_")[0]);
      if (createdAt < cutoff) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.query(`create database "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    // Called from both the normal path and a signal handler: the second caller waits for the first.
    drop: () => {
      dropped ??= withAdmin(serverUrl, async (admin) => {
        await admin.query(`drop database if exists "${name}" with (force)`);
      });
      return dropped;
    },
  };
}

async function withAdmin(serverUrl: string, work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export interface PhaseResult {
  ops: number;
  seconds: number;
  tps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /**
   * CPU used during the window, in cores. With `postgres` (this database's backends and the
   * server's own processes, read from /proc when the server is on this host) the rest of `host` is
   * other load on the machine, which makes the figures noisy.
   */
  cpu: { cores: number; host: number; bench: number; postgres: number | null };
  waits: WaitShare[];
  /** Set when the work ran out before the time did; the figures then cover the shorter span. */
  endedEarly: boolean;
}

/**
 * Runs `op` in `workers` concurrent loops: a warm-up, then `seconds` of measurement. Only operations
 * completing inside the window count. `op` returns false when it has no more work. The first error
 * stops every loop and is rethrown once they have all settled.
 */
export async function runPhase(options: {
  workers: number;
  warmupSeconds: number;
  seconds: number;
  op: (worker: number) => Promise<boolean>;
  probe?: ServerProbe;
  /** Aborting stops the loops after the operations in flight, and the phase then throws. */
  signal?: AbortSignal;
}): Promise<PhaseResult> {
  let measuring = false;
  let sampling = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const latencies: number[] = [];

  const loop = async (worker: number) => {
    while (!stopped) {
      const started = performance.now();
      let worked: boolean;
      try {
        worked = await options.op(worker);
      } catch (error) {
        failure ??= { error };
        stopped = true;
        return;
      }
      if (!worked) return;
      if (measuring) latencies.push(performance.now() - started);
    }
  };
  const finished = Promise.all(Array.from({ length: options.workers }, (_, w) => loop(w))).then(() => true);
  const timer = new AbortController();
  const interrupt = () => {
    stopped = true;
    timer.abort();
  };
  options.signal?.addEventListener("abort", interrupt, { once: true });
  const elapse = (seconds: number) =>
    sleep(seconds * 1000, false, { signal: timer.signal }).catch(() => false as const);
  const throwIfInterrupted = () => {
    if (options.signal?.aborted) throw new Error("interrupted");
  };

  try {
    throwIfInterrupted();
    const warmedUp = !(await Promise.race([finished, elapse(options.warmupSeconds)]));
    throwIfInterrupted();
    if (!warmedUp) {
      if (failure) throw failure.error;
      throw new Error("the work ran out during the warm-up");
    }
    await options.probe?.start();
    sampling = true;
    const cpu = startCpuMeter();
    measuring = true;
    const t0 = performance.now();
    const endedEarly = await Promise.race([finished, elapse(options.seconds)]);
    const t1 = performance.now();
    measuring = false;
    stopped = true;
    const usage = cpu.stop();
    sampling = false;
    const server = (await options.probe?.stop()) ?? { waits: [], postgresCores: null };
    await finished;
    if (failure) throw failure.error;
    throwIfInterrupted();
    const seconds = (t1 - t0) / 1000;
    return {
      ops: latencies.length,
      seconds,
      tps: latencies.length / seconds,
      latencyMs: percentiles(latencies),
      cpu: { ...usage, postgres: server.postgresCores },
      waits: server.waits,
      endedEarly,
    };
  } finally {
    options.signal?.removeEventListener("abort", interrupt);
    stopped = true;
    timer.abort();
    if (sampling) await options.probe?.stop();
    await finished;
  }
}

export function percentiles(values: number[]): PhaseResult["latencyMs"] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function startCpuMeter() {
  const process0 = process.cpuUsage();
  const host0 = hostCpuTimes();
  const t0 = performance.now();
  return {
    stop: () => {
      const wallMicros = (performance.now() - t0) * 1000;
      const used = process.cpuUsage(process0);
      const host1 = hostCpuTimes();
      const total = host1.total - host0.total;
      const cores = os.cpus().length;
      return {
        cores,
        host: total > 0 ? (1 - (host1.idle - host0.idle) / total) * cores : Number.NaN,
        bench: (used.user + used.system) / wallMicros,
      };
    },
  };
}

function hostCpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { idle, total };
}

export interface WaitShare {
  /** What a backend of the bench database was doing when sampled, e.g. "Lock:transactionid". */
  what: string;
  share: number;
}

/** What the server did during a phase: wait events of its backends, and the CPU they used. */
export interface ServerProbe {
  start(): Promise<void>;
  stop(): Promise<{ waits: WaitShare[]; postgresCores: number | null }>;
  close(): Promise<void>;
}

/** Linux reports process CPU time in ticks of 1/100 s on every common build. */
const TICKS_PER_SECOND = 100;

/**
 * Samples pg_stat_activity for the bench database's client backends every `everyMs`, on a
 * connection of its own. "Client:ClientRead (in transaction)" is a backend waiting for the app's
 * next statement, so a large share means round trips and client time, not the server, dominate.
 */
export async function createServerProbe(url: string, everyMs = 50): Promise<ServerProbe> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let interval: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let cpuAtStart: { ticks: Map<number, number>; at: number } | undefined;

  const sample = async () => {
    const { rows } = await client.query<{ what: string }>(`
      select case
          when state = 'idle' then 'idle (between transactions)'
          when wait_event is null then 'running (CPU)'
          when state = 'idle in transaction' then wait_event_type || ':' || wait_event || ' (in transaction)'
          else wait_event_type || ':' || wait_event
        end as what
      from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`);
    for (const { what } of rows) {
      counts.set(what, (counts.get(what) ?? 0) + 1);
      samples += 1;
    }
  };

  // This database's backends plus the server's own processes (WAL writer, checkpointer...), not other databases'.
  const serverTicks = async (): Promise<Map<number, number>> => {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where (datname = current_database() or datname is null) and pid <> pg_backend_pid()",
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      const used = await processTicks(pid);
      if (used !== null) ticks.set(pid, used);
    }
    return ticks;
  };

  return {
    start: async () => {
      counts.clear();
      samples = 0;
      cpuAtStart = { ticks: await serverTicks(), at: performance.now() };
      interval = setInterval(() => {
        // A slow sample is skipped over, never stacked.
        inFlight ??= sample().finally(() => {
          inFlight = undefined;
        });
      }, everyMs);
    },
    stop: async () => {
      clearInterval(interval);
      await inFlight;
      const waits = [...counts]
        .map(([what, n]) => ({ what, share: n / samples }))
        .sort((a, b) => b.share - a.share);
      const start = cpuAtStart;
      cpuAtStart = undefined;
      if (!start || start.ticks.size === 0) return { waits, postgresCores: null };
      const seconds = (performance.now() - start.at) / 1000;
      let ticks = 0;
      for (const [pid, before] of start.ticks) {
        const after = await processTicks(pid);
        if (after !== null) ticks += after - before;
      }
      return { waits, postgresCores: ticks / TICKS_PER_SECOND / seconds };
    },
    close: () => client.end(),
  };
}

/** User plus system CPU ticks of a process, or null when /proc cannot tell (another host, another OS). */
export async function processTicks(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Runs `op` serially `times` times and reports the mean latency and the round trips per call. A
 * round trip is a socket write that follows a read (or opens the sample): writes a driver splits
 * across several calls in one go still count once. Only meaningful while nothing else talks.
 */
export async function sampleSerial(
  times: number,
  op: () => Promise<void>,
): Promise<{ latencyMs: number; roundTrips: number }> {
  let roundTrips = 0;
  let readSinceWrite = true;
  const restoreWrite = override(
    "write",
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        if (readSinceWrite) roundTrips += 1;
        readSinceWrite = false;
        return original.apply(this, args);
      },
  );
  const restoreEmit = override(
    "emit",
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        if (args[0] === "data") readSinceWrite = true;
        return original.apply(this, args);
      },
  );
  try {
    const t0 = performance.now();
    for (let i = 0; i < times; i += 1) await op();
    return { latencyMs: (performance.now() - t0) / times, roundTrips: roundTrips / times };
  } finally {
    restoreWrite();
    restoreEmit();
  }
}

type Method = (...args: unknown[]) => unknown;

/** Replaces a method for every socket; the returned function puts things back as they were. */
function override(name: "write" | "emit", wrap: (original: Method) => Method): () => void {
  const proto = net.Socket.prototype as unknown as Record<string, Method>;
  // Both are inherited (from Writable and EventEmitter): restoring removes the override rather than copying one in.
  const owned = Object.hasOwn(proto, name);
  const original = proto[name] as Method;
  proto[name] = wrap(original);
  return () => {
    if (owned) proto[name] = original;
    else delete proto[name];
  };
}

export function formatRate(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function formatMs(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function formatShare(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function roundRate(value: number): number {
  return round(value, value < 100 ? 1 : 0);
}

/** Cores used by neither the bench nor this database's server processes, when /proc could tell. */
export function otherLoad(result: PhaseResult): number | null {
  const { cpu } = result;
  return cpu.postgres === null ? null : Math.max(0, cpu.host - cpu.bench - cpu.postgres);
}

/** The CPU the server side used: postgres and everything else when /proc could tell, else the host. */
export function describeServerCpu(result: PhaseResult): string {
  const { cpu } = result;
  const other = otherLoad(result);
  return other === null
    ? `host ${cpu.host.toFixed(2)}`
    : `postgres ${cpu.postgres?.toFixed(2)}, everything else ${other.toFixed(2)}`;
}

/** The notes after a phase's figures: it ran out of people, or other load made it noisy. */
export function reportPhaseNotes(result: PhaseResult, noisyOtherLoad: number): void {
  const other = otherLoad(result);
  if (result.endedEarly) console.log("  note: ran out of unassigned people before the time was up");
  if (other !== null && other > noisyOtherLoad) {
    console.log(`  note: other processes took ${other.toFixed(2)} cores meanwhile; this figure is noisy`);
  }
}

/**
 * Runs `bench` on a scratch database of its own, dropped afterwards; SIGINT or SIGTERM aborts its
 * signal (a second one drops at once and exits). `close` runs before the drop. Resolves with the
 * exit code: 0, or 130 when interrupted.
 */
export async function withScratchDatabase(
  serverUrl: string,
  bench: (scratch: ScratchDatabase, signal: AbortSignal) => Promise<void>,
  close: () => Promise<void>,
): Promise<number> {
  const scratch = await createScratchDatabase(serverUrl);
  console.log(`scratch database ${scratch.name}`);
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted.signal.aborted) {
      // A second signal: stop waiting for the orderly way, but still leave no database behind.
      scratch.drop().finally(() => process.exit(130));
      return;
    }
    console.error(`\n${signal}: stopping, then dropping ${scratch.name}`);
    interrupted.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await bench(scratch, interrupted.signal);
    return 0;
  } catch (error) {
    if (interrupted.signal.aborted) return 130;
    throw error;
  } finally {
    await close();
    await scratch.drop();
    console.error(`dropped ${scratch.name}`);
  }
}

/** Runs a bench's main and exits with its code, or 1 with the error printed. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

/** A positive integer setting from the environment, or `fallback` when unset. */
export function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

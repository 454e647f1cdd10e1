import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";

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

/** The server's URL with the password hidden, for printing. */
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
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${SCRATCH_PREFIX}%`}`;
    const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(SCRATCH_PREFIX.length).split("_")[0]);
      if (createdAt < cutoff) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    await admin.unsafe(`create database "${name}"`);
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
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      });
      return dropped;
    },
  };
}

async function withAdmin(serverUrl: string, work: (admin: postgres.Sql) => Promise<void>): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export interface PhaseResult {
  ops: number;
  seconds: number;
  tps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Share of one core the bench process used: near 100% means the client, not Postgres, limits. */
  nodeCpu: number;
  /** Share of all cores in use on the host, Postgres included. */
  hostCpu: number;
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
  waits?: WaitSampler;
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
  const elapse = (seconds: number) =>
    sleep(seconds * 1000, false, { signal: timer.signal }).catch(() => false as const);

  try {
    if (await Promise.race([finished, elapse(options.warmupSeconds)])) {
      if (failure) throw failure.error;
      throw new Error("the work ran out during the warm-up");
    }
    const cpu = startCpuMeter();
    options.waits?.start();
    sampling = true;
    measuring = true;
    const t0 = performance.now();
    const endedEarly = await Promise.race([finished, elapse(options.seconds)]);
    const t1 = performance.now();
    measuring = false;
    stopped = true;
    sampling = false;
    const waits = (await options.waits?.stop()) ?? [];
    const usage = cpu.stop();
    await finished;
    if (failure) throw failure.error;
    const seconds = (t1 - t0) / 1000;
    return {
      ops: latencies.length,
      seconds,
      tps: latencies.length / seconds,
      latencyMs: percentiles(latencies),
      ...usage,
      waits,
      endedEarly,
    };
  } finally {
    stopped = true;
    timer.abort();
    if (sampling) await options.waits?.stop();
    await finished;
  }
}

function percentiles(values: number[]): PhaseResult["latencyMs"] {
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
      return {
        nodeCpu: (used.user + used.system) / wallMicros,
        hostCpu: total > 0 ? 1 - (host1.idle - host0.idle) / total : Number.NaN,
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

export interface WaitSampler {
  start(): void;
  stop(): Promise<WaitShare[]>;
  close(): Promise<void>;
}

/**
 * Samples pg_stat_activity for the bench database's client backends every `everyMs`, on a
 * connection of its own. "Client:ClientRead (in transaction)" is a backend waiting for the app's
 * next statement, so a large share means round trips and client time, not the server, dominate.
 */
export function createWaitSampler(url: string, everyMs = 50): WaitSampler {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const counts = new Map<string, number>();
  let samples = 0;
  let interval: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const sample = async () => {
    const rows = await sql<{ what: string }[]>`
      select case
          when state = 'idle' then 'idle (between transactions)'
          when wait_event is null then 'running (CPU)'
          when state = 'idle in transaction' then wait_event_type || ':' || wait_event || ' (in transaction)'
          else wait_event_type || ':' || wait_event
        end as what
      from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`;
    for (const { what } of rows) {
      counts.set(what, (counts.get(what) ?? 0) + 1);
      samples += 1;
    }
  };

  return {
    start: () => {
      counts.clear();
      samples = 0;
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
      return [...counts].map(([what, n]) => ({ what, share: n / samples })).sort((a, b) => b.share - a.share);
    },
    close: () => sql.end({ timeout: 5 }),
  };
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
  const socket = net.Socket.prototype as unknown as {
    write: (...args: unknown[]) => boolean;
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  };
  const originalWrite = socket.write;
  const originalEmit = socket.emit;
  let roundTrips = 0;
  let readSinceWrite = true;
  socket.write = function (this: unknown, ...args: unknown[]) {
    if (readSinceWrite) roundTrips += 1;
    readSinceWrite = false;
    return originalWrite.apply(this, args);
  };
  socket.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "data") readSinceWrite = true;
    return originalEmit.call(this, event, ...args);
  };
  try {
    const t0 = performance.now();
    for (let i = 0; i < times; i += 1) await op();
    return { latencyMs: (performance.now() - t0) / times, roundTrips: roundTrips / times };
  } finally {
    socket.write = originalWrite;
    socket.emit = originalEmit;
  }
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

/**
 * Cold start, as deployed: `npm run bench:start`. Times the app from spawn to its first GET /healthz
 * answered 200, and reads its resident memory (VmRSS) at that moment (rss_cold_mb: on PostgreSQL),
 * in four configurations:
 *
 *   bare     a bare Bolt app (bench/ack-only-app.ts), started the same way as the app: the floor
 *   pg       the app on PostgreSQL, in a throwaway database already migrated
 *   pglite   the app on the embedded database, in a DATA_DIR already migrated
 *   fresh    the app on the embedded database, in an empty DATA_DIR (initdb and every migration)
 *
 * Each starts once unmeasured (it migrates the database and warms the file cache), then
 * BENCH_START_RUNS times (5), the configurations taking turns so that other load on the machine
 * falls on all of them alike; the figures are medians. The app runs in HTTP mode, its Slack Web
 * API a fake in this process, on PORT=0 and HOST=127.0.0.1; it announces its URL in a log line and
 * /healthz is polled from then on. BENCH_DATABASE_URL (or DATABASE_URL) names the local server.
 * The last line printed is one JSON object for scripts.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type FakeSlackApi, startFakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import {
  describeServer,
  positiveInteger,
  readSettings,
  round,
  runMain,
  withScratchDatabase,
} from "./support.ts";

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const DEFAULT_RUNS = 5;
const HEALTH_POLL_MS = 5;
/** Generous: a fresh embedded database on a loaded machine has taken over 30 s. */
const START_TIMEOUT_MS = 120_000;
const HEALTH_TIMEOUT_MS = 30_000;
/**
 * The app as `npm start` runs it, built (its prestart), and the bare app built the same way; with
 * BENCH_START_FROM=source both run their TypeScript through tsx instead, as `npm start` once did.
 */
const FROM_SOURCE = process.env.BENCH_START_FROM === "source";
const APP_SCRIPT = FROM_SOURCE ? "src/main.ts" : "dist/main.js";
const BARE_SOURCE = "bench/ack-only-app.ts";
const BARE_SCRIPT = FROM_SOURCE ? BARE_SOURCE : "dist/bench/ack-only-app.js";

const TARGETS = { ratioPg: 2.5, ratioPglite: 3, freshMs: 5000, rssColdMb: 150 };

type Configuration = "bare" | "pg" | "pglite" | "fresh";
const CONFIGURATIONS: Configuration[] = ["bare", "pg", "pglite", "fresh"];

interface Sample {
  ms: number;
  rssMb: number;
}

interface Cleanup {
  fake?: FakeSlackApi;
  apps: AppProcess[];
  dirs: string[];
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const runs = positiveInteger(process.env.BENCH_START_RUNS, DEFAULT_RUNS, "BENCH_START_RUNS");
  console.log(
    `start bench on ${describeServer(settings.serverUrl)}: ${APP_SCRIPT} against ${BARE_SCRIPT}, ` +
      `${runs} runs each after one unmeasured, medians`,
  );
  let buildMs: number | null = null;
  if (!FROM_SOURCE) {
    buildMs = await build([]);
    await build(["--outdir", "dist/bench", BARE_SOURCE]);
    console.log(`  built in ${Math.round(buildMs)} ms (npm start's prestart; not counted below)`);
  }
  const cleanup: Cleanup = { apps: [], dirs: [] };
  return withScratchDatabase(
    settings.serverUrl,
    async (scratch, signal) => {
      const fake = await startFakeSlackApi();
      cleanup.fake = fake;
      const slackEnv = {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: fake.token,
        SLACK_API_URL: fake.url,
        PORT: "0",
        HOST: "127.0.0.1",
      };
      const warmDir = await tempDir(cleanup, "warm");
      const start = async (configuration: Configuration): Promise<Sample> => {
        switch (configuration) {
          case "bare":
            return startOnce(BARE_SCRIPT, slackEnv, cleanup);
          case "pg":
            return startOnce(APP_SCRIPT, { ...slackEnv, DATABASE_URL: scratch.url }, cleanup);
          case "pglite":
            return startOnce(APP_SCRIPT, { ...slackEnv, DATA_DIR: warmDir }, cleanup);
          case "fresh": {
            const dir = await tempDir(cleanup, "fresh");
            try {
              return await startOnce(APP_SCRIPT, { ...slackEnv, DATA_DIR: dir }, cleanup);
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          }
        }
      };

      for (const configuration of CONFIGURATIONS) {
        const warmup = await start(configuration);
        console.log(`  ${configuration.padEnd(6)} unmeasured: ${describeSample(warmup)}`);
      }
      const samples = new Map<Configuration, Sample[]>(CONFIGURATIONS.map((c) => [c, []]));
      for (let run = 1; run <= runs; run += 1) {
        for (const configuration of CONFIGURATIONS) {
          if (signal.aborted) throw new Error("interrupted");
          const sample = await start(configuration);
          samples.get(configuration)?.push(sample);
          console.log(`  ${configuration.padEnd(6)} run ${run}: ${describeSample(sample)}`);
        }
      }

      const med = (c: Configuration, key: keyof Sample) => median((samples.get(c) ?? []).map((s) => s[key]));
      const bareMs = med("bare", "ms");
      const result = {
        runs,
        app: APP_SCRIPT,
        // What `npm start` adds before the spawn measured here (its prestart); null from source.
        build_ms: buildMs === null ? null : round(buildMs, 0),
        bare_ms: round(bareMs, 0),
        pg_ms: round(med("pg", "ms"), 0),
        pglite_ms: round(med("pglite", "ms"), 0),
        fresh_ms: round(med("fresh", "ms"), 0),
        ratio_pg: round(med("pg", "ms") / bareMs, 2),
        ratio_pglite: round(med("pglite", "ms") / bareMs, 2),
        // On PostgreSQL, as it runs in production (several instances and OAuth need it); the embedded
        // database's own memory shows in rss_mb.
        rss_cold_mb: round(med("pg", "rssMb"), 1),
        rss_mb: Object.fromEntries(CONFIGURATIONS.map((c) => [c, round(med(c, "rssMb"), 1)])),
        load_average: round(loadavg()[0] ?? Number.NaN, 2),
      };
      console.log("medians:");
      for (const c of CONFIGURATIONS) {
        console.log(`  ${c.padEnd(6)} ${describeSample({ ms: med(c, "ms"), rssMb: med(c, "rssMb") })}`);
      }
      const verdict = (value: number, target: number) => (value <= target ? "meets" : "misses");
      console.log(
        `  app on PostgreSQL / bare: ${result.ratio_pg}× (${verdict(result.ratio_pg, TARGETS.ratioPg)} ≤ ${TARGETS.ratioPg}×)`,
      );
      console.log(
        `  app on warm PGlite / bare: ${result.ratio_pglite}× (${verdict(result.ratio_pglite, TARGETS.ratioPglite)} ≤ ${TARGETS.ratioPglite}×)`,
      );
      console.log(
        `  fresh DATA_DIR: ${result.fresh_ms} ms (${verdict(result.fresh_ms, TARGETS.freshMs)} ≤ ${TARGETS.freshMs} ms)`,
      );
      console.log(
        `  cold RSS on PostgreSQL: ${result.rss_cold_mb} MB (${verdict(result.rss_cold_mb, TARGETS.rssColdMb)} ≤ ${TARGETS.rssColdMb} MB)`,
      );
      console.log(
        `  note: timings on a shared machine are noisy (1-minute load average ${result.load_average})`,
      );
      console.log(JSON.stringify(result));
    },
    async () => {
      await Promise.allSettled(cleanup.apps.map((app) => app.close()));
      await cleanup.fake?.close();
      await Promise.allSettled(cleanup.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  );
}

/** scripts/build.mjs with `args`; resolves with how long it took. */
async function build(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/build.mjs", ...args], { stdio: "inherit" });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`scripts/build.mjs ${args.join(" ")} exited with ${code}`);
  return performance.now() - t0;
}

/** From spawn to the first /healthz 200, then its resident memory; the process is stopped after. */
async function startOnce(script: string, env: Record<string, string>, cleanup: Cleanup): Promise<Sample> {
  const t0 = performance.now();
  const app = await startAppProcess(script, env, { startTimeoutMs: START_TIMEOUT_MS });
  cleanup.apps.push(app);
  try {
    await untilHealthy(app.url);
    const ms = performance.now() - t0;
    const rssMb = await residentMb(app.pid);
    if (app.errors.length > 0) throw new Error(`${script} logged errors:\n${app.errors.join("\n")}`);
    return { ms, rssMb };
  } finally {
    await app.close();
    cleanup.apps = cleanup.apps.filter((a) => a !== app);
  }
}

async function untilHealthy(url: string): Promise<void> {
  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if ((await healthStatus(url)) === 200) return;
    await sleep(HEALTH_POLL_MS);
  }
  throw new Error(`${url}/healthz did not answer 200 within ${HEALTH_TIMEOUT_MS} ms`);
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

/** VmRSS from /proc, in MB (Linux). */
async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

async function tempDir(cleanup: Cleanup, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `license-desk-start-${name}-`));
  cleanup.dirs.push(dir);
  return dir;
}

function describeSample(sample: Sample): string {
  return `${Math.round(sample.ms)} ms, ${sample.rssMb.toFixed(1)} MB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

runMain(main);

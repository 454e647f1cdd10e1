import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** A server in a process of its own, as it runs in production: its URL, what it logged, its end. */
export interface AppProcess {
  url: string;
  pid: number;
  /** Log lines at level "error", in order. */
  errors: string[];
  /** Log lines of any level. */
  logged(): number;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts `script` with `env` (plus PATH) and waits for the JSON log line carrying its `url`, which
 * is how the app announces it listens. A `.ts` script runs through tsx, a built `.js` one on node
 * alone. Output after that is counted, not printed.
 */
export async function startAppProcess(
  script: string,
  env: Record<string, string>,
  options: { startTimeoutMs?: number } = {},
): Promise<AppProcess> {
  const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles" to see where the app's time goes
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors: string[] = [];
  let lines = 0;
  let announced: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    announced = resolve;
  });
  const onLine = (line: string) => {
    lines += 1;
    const entry = parseLogLine(line);
    if (entry?.level === "error" || !entry) errors.push(line.slice(0, 2000));
    if (typeof entry?.url === "string") announced(entry.url);
  };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", onLine);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", onLine);
  const exited = once(child, "exit");
  const url = await Promise.race([
    listening,
    exited.then(([code]) => {
      throw new Error(`${script} exited with ${code} before listening: ${errors.join("\n")}`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${script} did not listen within ${startTimeoutMs} ms`)),
        startTimeoutMs,
      ).unref(),
    ),
  ]).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw error;
  });
  return {
    url,
    pid: child.pid as number,
    errors,
    logged: () => lines,
    close: () => stop(child, exited),
  };
}

function parseLogLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** SIGTERM, the app's own orderly stop; SIGKILL if it has not exited in time. */
async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

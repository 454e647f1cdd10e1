import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../../src/local-slack/signed-requests.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/database.ts";
import { until } from "../helpers/until.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SIGNING_SECRET = "shutdown-test-signing-secret";

/** `src/main.ts` in a process of its own, as it runs in production. */
interface AppProcess {
  url: string;
  /** Every line it wrote, stdout and stderr. */
  lines: string[];
  exited: Promise<{ code: number | null; at: number }>;
  child: ChildProcess;
}

async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let announced: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    announced = resolve;
  });
  const onLine = (line: string) => {
    lines.push(line);
    try {
      const entry = JSON.parse(line) as { url?: unknown };
      if (typeof entry.url === "string") announced(entry.url);
    } catch {
      // Not a log entry: kept in `lines` for the failure message.
    }
  };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", onLine);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", onLine);
  const exited = once(child, "exit").then(([code]) => ({ code: code as number | null, at: Date.now() }));
  const url = await Promise.race([
    listening,
    exited.then(({ code }) => {
      throw new Error(`src/main.ts exited with ${code} before listening:\n${lines.join("\n")}`);
    }),
  ]);
  return { url, lines, exited, child };
}

/**
 * Stands in for a response_url that answers slowly (or, with `holdMs` Infinity, never): what the
 * app posts is recorded when it arrives and marked answered when the answer goes out.
 */
interface SlowResponses {
  url(holdMs: number): string;
  received: { path: string; body: unknown; answeredAt?: number }[];
  arrived(path: string): Promise<void>;
  close(): Promise<void>;
}

async function startSlowResponses(): Promise<SlowResponses> {
  const received: SlowResponses["received"] = [];
  const waiting = new Map<string, () => void>();
  let next = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on("end", () => {
      const path = req.url ?? "/";
      const entry: SlowResponses["received"][number] = { path, body: JSON.parse(raw) };
      received.push(entry);
      waiting.get(path)?.();
      const holdMs = Number(path.split("/")[2]);
      if (!Number.isFinite(holdMs)) return;
      setTimeout(() => {
        entry.answeredAt = Date.now();
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: (holdMs) => `${origin}/hold/${holdMs}/${next++}`,
    received,
    arrived: (url) => {
      const path = new URL(url).pathname;
      if (received.some((r) => r.path === path)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(path, resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Opens a connection and sends part of `GET /healthz`, so that the request has begun before the
 * stop; `finish()` sends the rest and resolves with the status line's code.
 */
async function healthCheckBegun(appUrl: string): Promise<{ finish(): Promise<number> }> {
  const { hostname, port } = new URL(appUrl);
  const socket = connect(Number(port), hostname);
  await once(socket, "connect");
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\n`);
  let answer = "";
  socket.on("data", (chunk: Buffer) => {
    answer += chunk.toString();
  });
  return {
    finish: async () => {
      socket.write("\r\n");
      await once(socket, "end");
      socket.destroy();
      return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
    },
  };
}

let fake: FakeSlackApi;
let responses: SlowResponses;
let scratch: string;
let database: TestDatabase | undefined;
const member = { id: "", name: "mo" };

beforeAll(async () => {
  fake = await startFakeSlackApi();
  member.id = fake.users.add({ name: member.name }).id;
  responses = await startSlowResponses();
  scratch = await mkdtemp(join(tmpdir(), "license-desk-shutdown-"));
  if (onPostgres) database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
  await responses?.close();
  await fake?.close();
  await rm(scratch, { recursive: true, force: true });
});

function appEnv(name: string, shutdownTimeoutSeconds: number, drainSeconds = 0): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: fake.token,
    SLACK_API_URL: fake.url,
    PORT: "0",
    HOST: "127.0.0.1",
    SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds),
    SHUTDOWN_DRAIN_SECONDS: String(drainSeconds),
    ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: join(scratch, name) }),
  };
}

const statusCommand = (appUrl: string, responseUrl: string) =>
  postSlashCommand(appUrl, SIGNING_SECRET, {
    command: "/license",
    text: "status",
    user_id: member.id,
    user_name: member.name,
    team_id: fake.teamId,
    // Commands are handled once per trigger_id, as Slack's retries are: each one needs its own.
    trigger_id: fake.issueTriggerId(),
    response_url: responseUrl,
  });

describe("stopping on SIGTERM", () => {
  it("refuses new requests, answers 503 to health checks, finishes the reply in flight, then exits 0", async () => {
    const app = await startApp(appEnv("graceful", 20));
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const responseUrl = responses.url(1500);
      const ack = await statusCommand(app.url, responseUrl);
      expect(ack.status).toBe(200);
      // The listener runs on after the ack: its reply is now on its way and held for 1.5 s.
      await responses.arrived(responseUrl);
      const health = await healthCheckBegun(app.url);
      const signalledAt = Date.now();
      app.child.kill("SIGTERM");
      expect(
        await until(
          () => app.lines.some((line) => line.includes("License Desk is stopping")),
          (seen) => seen,
          10_000,
        ),
      ).toBe(true);

      expect(await health.finish()).toBe(503);
      const after = await fetch(`${app.url}/healthz`).then(
        (response) => response.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(after);

      const exit = await app.exited;
      expect(exit.code, app.lines.join("\n")).toBe(0);
      const reply = responses.received.find((r) => responseUrl.endsWith(r.path));
      expect(reply?.body).toMatchObject({
        response_type: "ephemeral",
        text: expect.stringContaining("no products yet"),
      });
      expect(reply?.answeredAt).toBeGreaterThan(signalledAt);
      expect(exit.at).toBeGreaterThanOrEqual(reply?.answeredAt ?? Number.POSITIVE_INFINITY);
      expect(app.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    } finally {
      app.child.kill("SIGKILL");
    }
  }, 60_000);

  it("drains first: health checks fail while requests are still served, then it stops listening", async () => {
    const app = await startApp(appEnv("drain", 20, 2));
    try {
      // Signalled the moment it says it runs: the stop must already be in place by then.
      const signalledAt = Date.now();
      app.child.kill("SIGTERM");
      expect(
        await until(
          () => app.lines.some((line) => line.includes("License Desk is stopping")),
          (seen) => seen,
          10_000,
        ),
      ).toBe(true);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
      // A request the load balancer still sends during the drain is served, reply and all.
      const responseUrl = responses.url(0);
      const ack = await statusCommand(app.url, responseUrl);
      expect(ack.status).toBe(200);
      await responses.arrived(responseUrl);
      expect(Date.now() - signalledAt).toBeLessThan(2000);

      const exit = await app.exited;
      expect(exit.code, app.lines.join("\n")).toBe(0);
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(2000);
      const after = await fetch(`${app.url}/healthz`).then(
        (response) => response.status,
        () => "refused",
      );
      expect(after).toBe("refused");
    } finally {
      app.child.kill("SIGKILL");
    }
  }, 60_000);

  it("exits 1 after SHUTDOWN_TIMEOUT_SECONDS when a request is stuck, naming what still ran", async () => {
    const app = await startApp(appEnv("stuck", 1));
    try {
      const responseUrl = responses.url(Number.POSITIVE_INFINITY);
      expect((await statusCommand(app.url, responseUrl)).status).toBe(200);
      await responses.arrived(responseUrl);
      const signalledAt = Date.now();
      app.child.kill("SIGTERM");
      const exit = await app.exited;
      expect(exit.code).toBe(1);
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(1000);
      expect(exit.at - signalledAt).toBeLessThan(10_000);
      const report = app.lines.find((line) =>
        line.includes("stopped before the work in flight had finished"),
      );
      expect(report).toBeDefined();
      expect(JSON.parse(report ?? "{}")).toMatchObject({
        level: "error",
        timeoutSeconds: 1,
        stillRunning: expect.stringContaining("Slack requests (/license status)"),
      });
    } finally {
      app.child.kill("SIGKILL");
    }
  }, 60_000);
});

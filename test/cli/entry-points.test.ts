import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");

/** Runs an entry point as a newcomer would, with a clean environment but for what is given. */
async function start(script: string, args: string[], env: Record<string, string>, cwd = root) {
  try {
    const { stdout, stderr } = await run(tsx, [join(root, script), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dataDir: string;
/** A console script that shows the seats. */
let statusScript: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "license-desk-"));
  statusScript = join(dataDir, "status.txt");
  await writeFile(
    statusScript,
    "/license status\nexpect Office 365 Small Business Premium office: 7 of 10 available\n",
  );
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start before the Slack app", () => {
  it("without Slack settings and without a terminal, says in one message what to set and how to open the console", async () => {
    const started = await start("src/main.ts", [], { DATA_DIR: dataDir });
    expect(started.code).toBe(1);
    expect(started.stdout).toBe("");
    expect(started.stderr.trim()).toBe(
      [
        "License Desk needs Slack settings to run here: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET",
        "(or SLACK_APP_TOKEN for Socket Mode). Without Slack, `npm start` in a terminal opens the local",
        "console, and `npm start -- --script FILE` runs a console script.",
      ].join("\n"),
    );
  });

  it("with --script, migrates the embedded database and seeds the demo workspace once", async () => {
    const first = await start("src/main.ts", ["--script", statusScript], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("demo people and example catalog loaded");
    const second = await start("src/main.ts", ["--script", statusScript], { DATA_DIR: dataDir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("demo people and example catalog loaded");
  });

  it("names a malformed DATABASE_URL or an unreachable server in one line, without a stack", async () => {
    const malformed = await start("src/main.ts", [], { DATABASE_URL: "mysql://x@y/z" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toBe(
      "Invalid configuration:\n  - DATABASE_URL must be a URL like postgres://user:password@host:5432/database",
    );
    const unreachable = await start("src/main.ts", ["--script", statusScript], {
      DATABASE_URL: "postgres://me:pw@127.0.0.1:1/db",
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toBe(
      "Cannot connect to PostgreSQL at 127.0.0.1:1/db: connection refused: is PostgreSQL running and listening there?",
    );
  });
});

describe("npm run catalog -- import", () => {
  it("reports every error with its path and imports nothing; a good file imports", async () => {
    const bad = join(dataDir, "bad.json");
    await writeFile(
      bad,
      JSON.stringify({ products: [{ key: "X Y", name: "", purchasedSeats: -2, plans: [] }] }),
    );
    const refused = await start("src/cli/catalog.ts", ["import", bad, "--workspace", "TCLI"], {
      DATA_DIR: dataDir,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("was not imported; nothing changed");
    for (const path of [
      "products[0].key",
      "products[0].name",
      "products[0].purchasedSeats",
      "products[0].plans",
    ]) {
      expect(refused.stderr).toContain(`  ${path}:`);
    }
    const good = join(dataDir, "good.json");
    await writeFile(
      good,
      JSON.stringify({
        products: [
          {
            key: "mail",
            name: "Mail",
            purchasedSeats: 3,
            plans: [
              { key: "exchange", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" },
            ],
          },
        ],
      }),
    );
    const imported = await start("src/cli/catalog.ts", ["import", good, "--workspace", "TCLI"], {
      DATA_DIR: dataDir,
    });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("1 created (mail)");
    const usage = await start("src/cli/catalog.ts", ["export"], { DATA_DIR: dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run catalog -- import <file.json>");
  });
});

describe("npm run jobs", () => {
  it("runs every daily job once as of the given time, and says where the messages wait", async () => {
    await start("src/main.ts", ["--script", statusScript], { DATA_DIR: dataDir });
    const ran = await start("src/cli/jobs.ts", ["--once", "--at", "2026-12-01T09:00:00Z"], {
      DATA_DIR: dataDir,
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(
      /^T_LOCAL as of 2026-12-01T09:00:00\.000Z: \{"purge_windows":0,"restore_reminders":0,/m,
    );
    expect(ran.stdout).toContain("No Slack settings: the messages wait in the outbox");
  });

  it("answers bad arguments with the usage", async () => {
    const bad = await start("src/cli/jobs.ts", ["--once", "--at", "yesterday-ish"], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'Not a time: "yesterday-ish". Usage: npm run jobs -- --once [--at <ISO time>]',
    );
    expect((await start("src/cli/jobs.ts", [], { DATA_DIR: dataDir })).code).toBe(2);
  });
});

describe("npm run export", () => {
  it("writes the workspace's CSV files and names each by its full path", async () => {
    await start("src/main.ts", ["--script", statusScript], { DATA_DIR: dataDir });
    // Started elsewhere than the files go, with a relative --out: the paths said are whole.
    const exported = await start(
      "src/cli/export.ts",
      ["--workspace", "T_LOCAL", "--out", "exported"],
      { DATA_DIR: dataDir },
      dataDir,
    );
    expect(exported.code).toBe(0);
    const paths = [...exported.stdout.matchAll(/^(.+\.csv): \d+ rows$/gm)].map((m) => m[1] as string);
    expect(paths).toHaveLength(4);
    for (const path of paths) expect(path.startsWith(join(dataDir, "exported", "license-desk-"))).toBe(true);
  });
});

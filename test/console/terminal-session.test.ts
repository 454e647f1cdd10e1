import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../helpers/until.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");

/** util-linux `script` gives the console a pseudo-terminal, as a person's terminal would. */
const scriptAvailable = spawnSync("script", ["--version"]).status === 0;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "license-desk-tty-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A console on a pseudo-terminal: `send` types a line once the output shows `waitFor`. */
function terminal() {
  const child = spawn("script", ["-qfec", `${tsx} src/main.ts`, "/dev/null"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, TERM: "dumb" },
  });
  let output = "";
  let seen = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (text: string, timeoutMs = 60_000) => {
    const at = await until(
      () => output.indexOf(text, seen),
      (found) => found >= 0,
      timeoutMs,
    );
    if (at < 0) throw new Error(`never saw ${JSON.stringify(text)} in:\n${output}`);
    seen = at + text.length;
  };
  return {
    get output() {
      return output;
    },
    exited,
    async send(line: string, after: string) {
      await waitFor(after);
      child.stdin.write(`${line}\r`);
    },
    waitFor,
    kill: () => child.kill(),
  };
}

describe("npm start in a terminal, without Slack settings", () => {
  it.skipIf(!scriptAvailable)(
    "opens the console, renders what the app answers, walks a modal and quits cleanly (needs util-linux script)",
    async () => {
      const tty = terminal();
      try {
        await tty.send("/license status", "@alva> ");
        await tty.waitFor("Seat availability");
        await tty.send("/license remove @bo office", "@alva> ");
        await tty.waitFor("┌ Remove license ┐");
        await tty.send("2", "Choose: ");
        await tty.waitFor("(modal closed)");
        await tty.send("as @bo", "@alva> ");
        await tty.send("home", "@bo> ");
        await tty.waitFor("App Home of @bo:");
        await tty.waitFor("[1] Request a license");
        await tty.send("quit", "@bo> ");
        await tty.waitFor("Bye.");
        expect(await tty.exited).toBe(0);
        expect(tty.output).toContain("You are @alva.");
        expect(tty.output).toContain("Office 365 Small Business Premium office: 7 of 10 available");
        expect(tty.output).toContain("This data can be restored until");
        expect(tty.output).not.toContain("Removed Office 365");
      } finally {
        tty.kill();
      }
    },
    120_000,
  );
});

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalConsole } from "../../src/console/open-console.ts";
import { useTestDatabase } from "../helpers/database.ts";

const t = useTestDatabase();

let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), "license-desk-exports-"));
});
afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("export in the console", () => {
  it("saves each exported file and says its full path", async () => {
    const output = new PassThrough();
    let transcript = "";
    output.on("data", (chunk: Buffer) => {
      transcript += chunk.toString("utf8");
    });
    const code = await openLocalConsole({
      db: t.appDb,
      workspaceId: "T0EXPORT01",
      where: "test database",
      input: new PassThrough(),
      output,
      script: ["/license export", "expect License Desk shared a file in your DMs:"].join("\n"),
      filesDir,
    });
    expect(code).toBe(0);
    const paths = [...transcript.matchAll(/^ {2}saved as (.+)$/gm)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const path of paths) expect(path.startsWith(`${filesDir}/license-desk-`)).toBe(true);
    const seats = paths.find((p) => p.includes("license-desk-seats-")) as string;
    expect(await readFile(seats, "utf8")).toContain("Office 365 Small Business Premium");
  }, 120_000);
});

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

/** `npm start -- --script FILE` as a newcomer runs it: a clean environment, no Slack settings. */
async function startScript(file: string, dataDir: string) {
  try {
    const { stdout, stderr } = await run(tsx, ["src/main.ts", "--script", file], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "license-desk-walkthrough-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the README's walkthrough, as a console script", () => {
  it("runs end to end on a fresh embedded database and exits 0", async () => {
    const done = await startScript(join(root, "docs", "walkthrough.txt"), join(scratch, "walkthrough"));
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    const out = done.stdout;
    // The removal's warning, then the removal, then the restore.
    expect(out).toMatch(
      /This data can be restored until .+; deleted after that:\n• Exchange Online: Mailbox/,
    );
    expect(out).toContain("Removed Office 365 Small Business Premium from Bo Berg.");
    expect(out).toContain("Restored Office 365 Small Business Premium for Bo Berg, with the data it kept.");
    // Lin is in CN, where the meetings service is not offered.
    expect(out).toContain("Skipped Lync Online: not available in their usage location CN.");
    // The bulk change's preview, then its result.
    expect(out).toContain("3 people: 3 licenses given, 0 taken away.");
    expect(out).toContain("Bulk change applied: 3 people changed, 3 licenses given");
    // The request reaches the admin with its buttons; the approval reaches the requester.
    expect(out).toMatch(/License Desk in your DMs:\n {2}📥 @wei asks for SharePoint Online Plan 1\./);
    expect(out).toContain("[1] Approve  [2] Deny");
    expect(out).toMatch(
      /License Desk to @wei \(DM\):\n {2}✓ Your request for SharePoint Online Plan 1 was approved by @alva\./,
    );
    // 29 days later the reminder, 31 days later the purge.
    expect(out).toMatch(/Daily jobs as of .+: restore reminders 1\./);
    expect(out).toContain("Bo Berg — Office 365 Small Business Premium: can be restored until");
    expect(out).toContain("[1] Restore  [2] Let it expire");
    expect(out).toMatch(/Daily jobs as of .+: purge windows 1\./);
    expect(out).toContain("Data deleted for good");
    expect(out.trimEnd().endsWith("Script done: every step as expected.")).toBe(true);
  }, 150_000);

  it("stops at the first step that fails, names its line and exits 1", async () => {
    const file = join(scratch, "failing.txt");
    await writeFile(
      file,
      [
        "# a comment",
        "/license status",
        "expect Seat availability",
        "",
        "expect something the app never says",
        "/license help",
      ].join("\n"),
    );
    const done = await startScript(file, join(scratch, "failing"));
    expect(done.code).toBe(1);
    expect(done.stdout).toContain(
      'Script failed at line 5: expected the last output to contain "something the app never says"',
    );
    expect(done.stdout).not.toContain("/license help");
  }, 150_000);

  it("fails on an unknown console command and on an answer no option matches", async () => {
    const unknown = join(scratch, "unknown.txt");
    await writeFile(unknown, "/license status\nfly away\n");
    const first = await startScript(unknown, join(scratch, "unknown"));
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Script failed at line 2: Not a console command: "fly away". Type help.');
    const badAnswer = join(scratch, "bad-answer.txt");
    await writeFile(badAnswer, "/license bulk\n@nobody\n");
    const second = await startScript(badAnswer, join(scratch, "bad-answer"));
    expect(second.code).toBe(1);
    expect(second.stdout).toContain("Script failed at line 2: People: Pick one of the numbered options.");
  }, 150_000);
});

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { licenseRequests } from "../../src/db/schema/index.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { runConsoleScript } from "./run-console-script.ts";

const t = useTestDatabase();

/** The console on this file's database, running `lines` as a script. */
const runScript = (workspaceId: string, lines: string[]) => runConsoleScript(t.appDb, workspaceId, lines);

/** A request filed as `requester` and approved by @alva in the modal its Approve opens. */
const requestApproved = (requester: string, product: string) => [
  `as @${requester}`,
  `/license request ${product} because it is my first week`,
  "expect so I asked them",
  "as @alva",
  "pick Approve",
  "Welcome aboard",
  "expect approved",
];

async function statusOf(workspaceId: string) {
  return t.db
    .select({ status: licenseRequests.status })
    .from(licenseRequests)
    .where(and(eq(licenseRequests.workspaceId, workspaceId), eq(licenseRequests.status, "approved")));
}

describe("the console started again on the same data", () => {
  // Slack never hands out a view id twice: an approval after a restart is a new submission.
  it("approves a request after a restart as it did before", async () => {
    const workspaceId = "T0RESTART1";
    const first = await runScript(workspaceId, requestApproved("wei", "sharepoint-p1"));
    expect(first.transcript).not.toContain("Script failed");
    expect(first.code).toBe(0);
    const second = await runScript(workspaceId, requestApproved("wei", "exchange-p1"));
    expect(second.transcript).not.toContain("Script failed");
    expect(second.code).toBe(0);
    expect(await statusOf(workspaceId)).toHaveLength(2);
  }, 120_000);
});

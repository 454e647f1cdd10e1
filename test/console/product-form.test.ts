import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../src/db/schema/index.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { runConsoleScript } from "./run-console-script.ts";

const t = useTestDatabase();

/** The console on this file's database, running `lines` as a script. */
const runScript = (workspaceId: string, lines: string[]) => runConsoleScript(t.appDb, workspaceId, lines);

describe("the products form in the console", () => {
  it("shows each field's current value, keeps it on -, and asks again at once for a field the app refuses", async () => {
    const workspaceId = "T0PRODFORM";
    const { code, transcript } = await runScript(workspaceId, [
      "/license products",
      "Exchange Online Plan 1",
      "expect Name (now: Exchange Online Plan 1; Enter or - keeps it):",
      "-",
      "expect Key (now: exchange-p1; Enter or - keeps it):",
      "Bad Key!",
      "expect ! Key: Use 1–40 lowercase letters",
      "-",
      "expect Purchased seats (now: 10; Enter or - keeps it):",
      "-5",
      "expect ! Purchased seats: Enter a whole number of seats, 0 or more.",
      "12",
      "-",
      "expect (now: Exchange Online; Enter or - keeps it)",
      "-",
      "XX1",
      "expect Not country codes: XX1.",
      "CN",
      "-",
      "-",
      "-",
      "-",
      "-",
      "expect Saved Exchange Online Plan 1: 12 of 12 available.",
    ]);
    expect(transcript).not.toContain("Script failed");
    expect(code).toBe(0);
    // Each refusal came as its field was answered, before the next field was asked.
    const keyRefused = transcript.indexOf("! Key:");
    expect(keyRefused).toBeGreaterThan(-1);
    expect(keyRefused).toBeLessThan(transcript.indexOf("Purchased seats (now:"));
    const [saved] = await t.db
      .select()
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), eq(products.key, "exchange-p1")));
    expect(saved).toMatchObject({ name: "Exchange Online Plan 1", purchasedSeats: 12 });
  }, 120_000);
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaces } from "../../src/db/schema/index.ts";
import { inTransaction, postgresCode } from "../../src/licensing/outcome.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/database.ts";

// Deadlocks need two connections; the embedded database has one.
describe.runIf(onPostgres)("inTransaction on a deadlock", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ poolMax: 4 });
    await t.db.insert(workspaces).values([
      { id: "TLOCK1", name: "one" },
      { id: "TLOCK2", name: "two" },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs the loser again, so both changes land", async () => {
    let bothHoldTheirFirstRow = () => {};
    let held = 0;
    const barrier = new Promise<void>((resolve) => {
      bothHoldTheirFirstRow = resolve;
    });
    const attempts = { a: 0, b: 0 };
    // Each locks one row, waits for the other, then wants the other's row: a deadlock on the first try.
    const lockBoth = (name: "a" | "b", first: string, second: string) =>
      inTransaction(t.db, async (tx) => {
        attempts[name] += 1;
        await tx
          .update(workspaces)
          .set({ name: sql`${workspaces.name} || ${name}` })
          .where(eq(workspaces.id, first));
        if (attempts[name] === 1) {
          held += 1;
          if (held === 2) bothHoldTheirFirstRow();
          await barrier;
        }
        await tx
          .update(workspaces)
          .set({ name: sql`${workspaces.name} || ${name}` })
          .where(eq(workspaces.id, second));
        return { ok: true as const };
      });
    const results = await Promise.all([lockBoth("a", "TLOCK1", "TLOCK2"), lockBoth("b", "TLOCK2", "TLOCK1")]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(attempts.a + attempts.b).toBe(3);
    const rows = await t.db.select().from(workspaces);
    expect(rows.map((r) => r.name.length).sort()).toEqual([5, 5]);
  });
});

describe("postgresCode", () => {
  it("finds the SQLSTATE however deep the driver wrapped it", () => {
    expect(postgresCode({ code: "40P01" })).toBe("40P01");
    expect(postgresCode(new Error("wrapper", { cause: { code: "40001" } }))).toBe("40001");
    expect(postgresCode({ code: "ECONNRESET" })).toBeUndefined();
    expect(postgresCode(undefined)).toBeUndefined();
  });
});

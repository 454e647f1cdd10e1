import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "../../src/db/rows.ts";
import { onPostgres, useTestDatabase } from "../helpers/database.ts";

const t = useTestDatabase();

describe("raw SQL rows", () => {
  it("come back checked against their row schema", async () => {
    const rows = await queryRows(
      t.db,
      sql`select 1::int as n, 'a' as label`,
      z.object({ n: z.number(), label: z.string() }),
    );
    expect(rows).toEqual([{ n: 1, label: "a" }]);
  });

  it("refuse a row that is not what the code expects, naming the column", async () => {
    // A cast lost in the statement: the column comes back as text where the code expects a number.
    await expect(
      queryRows(t.db, sql`select '7'::text as n`, z.object({ n: z.number() }), {
        prepareAs: "count_probe",
      }),
    ).rejects.toThrow(/row 0 of count_probe is not what the code expects:[\s\S]*n/);
  });

  it.runIf(onPostgres)("are read by a statement prepared under its name on PostgreSQL", async () => {
    const names = await t.db.transaction(async (tx) => {
      await queryRows(tx, sql`select ${1}::int as n`, z.object({ n: z.number() }), {
        prepareAs: "name_probe",
      });
      return queryRows(
        tx,
        sql`select name from pg_prepared_statements where name like 'name_probe_%'`,
        z.object({ name: z.string() }),
      );
    });
    expect(names).toEqual([{ name: expect.stringMatching(/^name_probe_[0-9a-f]{12}$/) }]);
  });
});

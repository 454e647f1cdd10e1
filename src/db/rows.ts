import type { SQL } from "drizzle-orm";
import { type ZodType, z } from "zod";
import type { Database, Tx } from "./client.ts";
import { preparedAs } from "./statement-name.ts";

/**
 * Runs raw SQL, for the few statements the query builder cannot express, and returns its rows
 * checked against `row`: a column renamed, a cast lost or a driver that answers in another type
 * fails here, naming the column, rather than somewhere later as a wrong value. node-postgres
 * answers with `{ rows }` and so does PGlite.
 *
 * `prepareAs` names the statement so that each connection parses and plans it once (see
 * `preparedAs`).
 */
export async function queryRows<T>(
  db: Database | Tx,
  query: SQL,
  row: ZodType<T>,
  options: { prepareAs?: string } = {},
): Promise<T[]> {
  const result = await db.execute(options.prepareAs ? preparedAs(options.prepareAs, query) : query);
  const rows: unknown[] = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows.map((value, index) => {
    const checked = row.safeParse(value);
    if (checked.success) return checked.data;
    throw new Error(
      `row ${index} of ${options.prepareAs ?? "a raw statement"} is not what the code expects:\n` +
        z.prettifyError(checked.error),
    );
  });
}

/** A timestamp read by raw SQL, in either driver's form: a Date, or Postgres' text for it. */
export const dbTimestamp = z.union([z.date(), z.string()]);

import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database, Tx } from "./client.ts";

const dialect = new PgDialect();

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array and PGlite with
 * `{ rows }`; this hides the difference for the few statements the query builder cannot express.
 *
 * `prepareAs` names the statement so that each connection parses and plans it once: worth it for
 * the hot path, whose statements are large and whose text never changes (values travel as
 * parameters). The name carries a digest of the text, so a changed statement never meets a stale plan.
 */
export async function queryRows<T>(
  db: Database | Tx,
  query: SQL,
  options: { prepareAs?: string } = {},
): Promise<T[]> {
  let result: unknown;
  if (options.prepareAs) {
    const compiled = dialect.sqlToQuery(query);
    const name = `${options.prepareAs}_${createHash("sha1").update(compiled.sql).digest("hex").slice(0, 12)}`;
    result = await db._.session.prepareQuery(compiled, undefined, name, false).execute();
  } else {
    result = await db.execute(query);
  }
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

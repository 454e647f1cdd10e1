import type { SQL } from "drizzle-orm";
import type { Tx } from "../licensing/outcome.ts";
import type { Database } from "./client.ts";

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array and PGlite with
 * `{ rows }`; this hides the difference for the few statements the query builder cannot express.
 */
export async function queryRows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

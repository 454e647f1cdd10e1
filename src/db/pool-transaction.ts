import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { CommitOutcomeUnknownError, type Database } from "./database.ts";
import { postgresCode } from "./postgres-code.ts";
import * as schema from "./schema/index.ts";

type RunTransaction = Database["transaction"];

/**
 * Transactions on a pool, with the connection checked out and given back around the whole of it.
 * Drizzle's own (drizzle-orm 0.45.4, node-postgres session) sends BEGIN before the try/finally that
 * releases the client, so a connection lost at BEGIN is never returned: a few database blips and
 * the pool is empty for good.
 */
export function transactionOnOwnClient(pool: pg.Pool): RunTransaction {
  // One Drizzle instance per connection: it is built once, and the pool reuses its connections.
  const onClient = new WeakMap<pg.PoolClient, Database>();
  const run = async <T>(
    work: Parameters<RunTransaction>[0],
    config?: Parameters<RunTransaction>[1],
  ): Promise<T> => {
    const client = await pool.connect();
    let db = onClient.get(client);
    if (!db) {
      db = drizzle({ client, schema }) as unknown as Database;
      onClient.set(client, db);
    }
    let workDone = false;
    let workError: unknown;
    let healthy = true;
    try {
      return (await db.transaction(async (tx) => {
        try {
          const result = await work(tx);
          workDone = true;
          return result;
        } catch (error) {
          workError = error;
          throw error;
        }
      }, config)) as T;
    } catch (error) {
      // Drizzle rethrows the work's own error only once its ROLLBACK succeeded; any other error
      // means BEGIN, COMMIT or ROLLBACK failed, and the connection is in no known state.
      if (error !== workError) healthy = false;
      if (workDone && !rolledBackForSure(error)) throw new CommitOutcomeUnknownError(error);
      throw error;
    } finally {
      client.release(healthy ? undefined : true);
    }
  };
  return run as RunTransaction;
}

/**
 * Postgres answered the COMMIT with an error that means it rolled back: a serialization failure or
 * deadlock (class 40) or a deferred constraint (class 23). A lost connection has no such answer.
 */
function rolledBackForSure(error: unknown): boolean {
  return /^(40|23)/.test(postgresCode(error) ?? "");
}

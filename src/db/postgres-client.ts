import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import {
  type Database,
  type DatabaseHandle,
  DatabaseUnavailableError,
  describeConnectionError,
  oncePerUnscoped,
} from "./database.ts";
import { transactionOnOwnClient } from "./pool-transaction.ts";
import * as schema from "./schema/index.ts";
import { ScopedPool, scopedClientClass } from "./scoped-connections.ts";
import { asTableOwner, type Unscoped } from "./workspace-scope.ts";

/** PostgreSQL through node-postgres: one pool per view, each connection scoped before its statements. */
export async function openPostgres(
  url: string,
  poolMax: number,
  unscoped: Unscoped,
): Promise<DatabaseHandle> {
  const pools: pg.Pool[] = [];
  const poolFor = oncePerUnscoped((u) => {
    const pool = createPool(url, poolMax, u);
    pools.push(pool);
    return pool;
  });
  const view = oncePerUnscoped((u) => {
    const pool = poolFor(u);
    const database = drizzle({ client: pool, schema }) as unknown as Database;
    database.transaction = transactionOnOwnClient(pool);
    return database;
  });
  try {
    await asTableOwner(() => poolFor(unscoped).query("select 1"));
  } catch (error) {
    await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
    throw new DatabaseUnavailableError(describeConnectionError(error, url));
  }
  return {
    db: view(unscoped),
    kind: "postgres",
    withUnscoped: view,
    connections: () => {
      const pool = poolFor(unscoped);
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
    close: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}

/**
 * node-postgres rather than postgres.js: with postgres.js 3.4.9 a backend killed in the middle of
 * a transaction crashed the process on the next queries (an uncaught TypeError in its writer).
 * A client killed while checked out emits 'error' with nobody listening, which would crash the
 * process too; listening here lets the query in flight fail alone, and the pool drops that client.
 */
export function createPool(url: string, max: number, unscoped: Unscoped = "nothing"): pg.Pool {
  const pool = new ScopedPool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    Client: scopedClientClass(unscoped),
  });
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return pool;
}

/** Arbitrary constant: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK_KEY = 7_314_022;

/** Several instances may start at once: migrations run on a connection of their own holding an advisory lock. */
export async function migratePostgres(url: string, migrationsFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set client_min_messages = warning");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

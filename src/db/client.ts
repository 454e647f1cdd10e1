import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type pg from "pg";
import { transactionOnOwnClient } from "./pool-transaction.ts";
import * as schema from "./schema/index.ts";
import { ScopedPool, type SharedPglite, scopedClientClass, scopedPglite } from "./scoped-connections.ts";
import { asTableOwner, type Unscoped } from "./workspace-scope.ts";

/** Either driver behind one type: use cases never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax: number }
  /** dataDir undefined keeps the database in memory. */
  | { kind: "pglite"; dataDir?: string };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseTarget["kind"];
  /**
   * The same database, where work that named no scope reaches `unscoped`: for tools that act as
   * the operator beside an app that must not (tests' fixtures next to the app under test).
   */
  withUnscoped(unscoped: Unscoped): Database;
  /** The app's connections: open, idle, and callers waiting for one (always 1, 1, 0 on PGlite). */
  connections(): ConnectionCounts;
  close(): Promise<void>;
}

export interface ConnectionCounts {
  total: number;
  idle: number;
  waiting: number;
}

export interface OpenOptions {
  /**
   * What a statement sent outside `withinWorkspace` / `acrossWorkspaces` may reach. The app keeps
   * the default, `nothing`, so that a query which forgot its workspace reaches no tenant's rows.
   */
  unscoped?: Unscoped;
}

/** A failure to reach the database, worded for the person starting the app. */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const unscoped = options.unscoped ?? "nothing";
  if (target.kind === "pglite") {
    if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
    const shared: SharedPglite = {
      client: await PGlite.create(target.dataDir),
      applied: undefined,
      tail: Promise.resolve(),
    };
    const view = oncePerUnscoped(
      (u) => drizzlePglite({ client: scopedPglite(shared, u) as never, schema }) as unknown as Database,
    );
    return {
      db: view(unscoped),
      kind: "pglite",
      withUnscoped: view,
      connections: () => ({ total: 1, idle: 1, waiting: 0 }),
      close: () => shared.client.close(),
    };
  }
  const pools: pg.Pool[] = [];
  const poolFor = oncePerUnscoped((u) => {
    const pool = createPool(target.url, target.poolMax, u);
    pools.push(pool);
    return pool;
  });
  const view = oncePerUnscoped((u) => {
    const pool = poolFor(u);
    const database = drizzlePostgres({ client: pool, schema }) as unknown as Database;
    database.transaction = transactionOnOwnClient(pool);
    return database;
  });
  try {
    await asTableOwner(() => poolFor(unscoped).query("select 1"));
  } catch (error) {
    await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
    throw new DatabaseUnavailableError(describeConnectionError(error, target.url));
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

/** One of each per database: statements are built and cached per Database instance. */
function oncePerUnscoped<T>(make: (unscoped: Unscoped) => T): (unscoped: Unscoped) => T {
  const made = new Map<Unscoped, T>();
  return (unscoped) => {
    let value = made.get(unscoped);
    if (value === undefined) {
      value = make(unscoped);
      made.set(unscoped, value);
    }
    return value;
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

/** One line naming the problem, with the password left out. */
export function describeConnectionError(error: unknown, url: string): string {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const reason = (() => {
    switch (code) {
      case "ECONNREFUSED":
        return "connection refused: is PostgreSQL running and listening there?";
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return "the host name does not resolve";
      case "ETIMEDOUT":
        return "the connection timed out";
      case "28P01":
      case "28000":
        return "authentication failed for that user";
      case "3D000":
        return "that database does not exist";
      default:
        return /timeout/i.test(message) ? "the connection timed out" : message;
    }
  })();
  return `Cannot connect to PostgreSQL at ${where}: ${reason}`;
}

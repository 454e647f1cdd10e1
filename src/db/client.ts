import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.ts";

/** Either driver behind one type: use cases never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax: number }
  /** dataDir undefined keeps the database in memory. */
  | { kind: "pglite"; dataDir?: string };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseTarget["kind"];
  close(): Promise<void>;
}

/** A failure to reach the database, worded for the person starting the app. */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "pglite") {
    if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
    const client = await PGlite.create(target.dataDir);
    return {
      db: drizzlePglite({ client, schema }) as unknown as Database,
      kind: "pglite",
      close: () => client.close(),
    };
  }
  const pool = createPool(target.url, target.poolMax);
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(describeConnectionError(error, target.url));
  }
  return {
    db: drizzlePostgres({ client: pool, schema }) as unknown as Database,
    kind: "postgres",
    close: () => pool.end(),
  };
}

/**
 * node-postgres rather than postgres.js: with postgres.js 3.4.9 a backend killed in the middle of
 * a transaction crashed the process on the next queries (an uncaught TypeError in its writer).
 * A client killed while checked out emits 'error' with nobody listening, which would crash the
 * process too; listening here lets the query in flight fail alone, and the pool drops that client.
 */
export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
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

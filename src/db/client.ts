import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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
  const client = postgres(target.url, {
    max: target.poolMax,
    onnotice: () => {},
    connect_timeout: 10,
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(describeConnectionError(error, target.url));
  }
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Database,
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

/** One line naming the problem, with the password left out. */
export function describeConnectionError(error: unknown, url: string): string {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  const code = (error as { code?: string }).code;
  const reason = (() => {
    switch (code) {
      case "ECONNREFUSED":
        return "connection refused: is PostgreSQL running and listening there?";
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return "the host name does not resolve";
      case "ETIMEDOUT":
      case "CONNECT_TIMEOUT":
        return "the connection timed out";
      case "28P01":
      case "28000":
        return "authentication failed for that user";
      case "3D000":
        return "that database does not exist";
      default:
        return error instanceof Error ? error.message : String(error);
    }
  })();
  return `Cannot connect to PostgreSQL at ${where}: ${reason}`;
}

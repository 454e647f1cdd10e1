/**
 * What both drivers share, loaded without either: the app loads only the driver its settings name
 * (node-postgres or PGlite, each with its Drizzle adapter), never both.
 */
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";
import type { Unscoped } from "./workspace-scope.ts";

/** Either driver behind one type: use cases never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction on either driver: the database layer runs statements in it, the domain opens it. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

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

/**
 * The connection failed after the transaction's work was done, while it committed: Postgres may
 * have applied it or not. Whoever reports the change must find out before saying either.
 */
export class CommitOutcomeUnknownError extends Error {
  readonly code = "COMMIT_OUTCOME_UNKNOWN";
  constructor(cause: unknown) {
    super("the connection failed while the transaction committed; it may have been applied", { cause });
  }
}

/** One of each per database: statements are built and cached per Database instance. */
export function oncePerUnscoped<T>(make: (unscoped: Unscoped) => T): (unscoped: Unscoped) => T {
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

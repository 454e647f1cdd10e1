import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import {
  type Database,
  type DatabaseHandle,
  type DatabaseTarget,
  openDatabase,
} from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";

export interface TestDatabase extends DatabaseHandle {
  /** The view the app under test gets: outside a workspace's scope, no tenant row. */
  readonly appDb: Database;
  /** Set on Postgres: the URL of this file's own database, for tests that open more connections. */
  url?: string;
  close(): Promise<void>;
}

/**
 * Tests arrange and inspect rows across workspaces as the operator would; the app under test gets
 * the strict view (`appDb`), where a statement outside a workspace's scope reaches nothing.
 */
const FIXTURES = { unscoped: "all-workspaces" } as const;

const PREFIX = "license_desk_test_";
const STALE_AFTER_SECONDS = 3600;

/** The Postgres server under test, or undefined to use the embedded database. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const onPostgres = testDatabaseUrl !== undefined;

/**
 * A freshly migrated database of its own for one test file: an in-memory PGlite, or on Postgres a
 * new database that is dropped afterwards (migrations name the public schema, so a database, not
 * a schema, is the unit that isolates). Databases left by an interrupted run are dropped too.
 */
export async function createTestDatabase(
  options: { poolMax?: number; migrationsFolder?: string } = {},
): Promise<TestDatabase & { target: DatabaseTarget }> {
  if (!testDatabaseUrl) {
    const target: DatabaseTarget = { kind: "pglite" };
    const handle = await openDatabase(target, FIXTURES);
    await migrateDatabase(handle, target, options.migrationsFolder);
    return { ...handle, appDb: handle.withUnscoped("nothing"), target };
  }
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  await onServer(async (admin) => {
    await dropStaleDatabases(admin);
    await admin.query(`create database "${name}"`);
  });
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: "postgres", url: url.toString(), poolMax: options.poolMax ?? 10 };
  const handle = await openDatabase(target, FIXTURES);
  await migrateDatabase(handle, target, options.migrationsFolder);
  return {
    ...handle,
    target,
    appDb: handle.withUnscoped("nothing"),
    url: target.url,
    close: async () => {
      await handle.close();
      await onServer((admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like $1",
    [`${PREFIX}%`],
  );
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (createdAt < cutoff) await admin.query(`drop database if exists "${datname}" with (force)`);
  }
}

/**
 * This test file's database, opened before its tests and closed after them. Read `db` (and `url`,
 * `kind`) inside tests: they exist once the file's setup has run.
 */
export function useTestDatabase(options: { poolMax?: number } = {}): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => {
    await database?.close();
  });
  const opened = () => {
    if (!database) throw new Error("the test database is opened in beforeAll: use it inside tests");
    return database;
  };
  return {
    get db() {
      return opened().db;
    },
    get kind() {
      return opened().kind;
    },
    get appDb() {
      return opened().appDb;
    },
    withUnscoped: (unscoped) => opened().withUnscoped(unscoped),
    connections: () => opened().connections(),
    get url() {
      return opened().url;
    },
    close: () => opened().close(),
  };
}

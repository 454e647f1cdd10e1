import { fileURLToPath } from "node:url";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseHandle, DatabaseTarget } from "./client.ts";
import { asTableOwner } from "./workspace-scope.ts";

export const migrationsFolder = fileURLToPath(new URL("../../db/migrations", import.meta.url));

/** Arbitrary constant: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK_KEY = 7_314_022;

/**
 * Applies pending migrations. On Postgres several instances may start at once, so migration runs
 * on a dedicated connection holding an advisory lock.
 */
export async function migrateDatabase(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    await asTableOwner(() => migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder }));
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("set client_min_messages = warning");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle, DatabaseTarget } from "./client.ts";

export const migrationsFolder = fileURLToPath(new URL("../../db/migrations", import.meta.url));

/** Arbitrary constant: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK_KEY = 7_314_022;

/**
 * Applies pending migrations. On Postgres several instances may start at once, so migration runs
 * on a dedicated connection holding an advisory lock.
 */
export async function migrateDatabase(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

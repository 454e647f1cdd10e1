import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle, DatabaseTarget } from "./database.ts";

/**
 * The first `db/migrations` above this module: `src/db/` when run from source, `dist/` when run from
 * the build, which bundles this module into a file at another depth.
 */
export const migrationsFolder = findMigrationsFolder(dirname(fileURLToPath(import.meta.url)));

function findMigrationsFolder(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const folder = join(dir, "db", "migrations");
    if (existsSync(join(folder, "meta", "_journal.json"))) return folder;
    if (dirname(dir) === dir) throw new Error(`no db/migrations above ${from}`);
  }
}

/**
 * Applies pending migrations with the migrator of the driver in use (already loaded by
 * openDatabase). `folder` is for tests that stop at an earlier migration to fill a database the
 * way an older release left it.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  target: DatabaseTarget,
  folder: string = migrationsFolder,
): Promise<void> {
  if (target.kind === "pglite") {
    const { migratePglite } = await import("./pglite-client.ts");
    await migratePglite(handle.db, folder);
    return;
  }
  const { migratePostgres } = await import("./postgres-client.ts");
  await migratePostgres(target.url, folder);
}

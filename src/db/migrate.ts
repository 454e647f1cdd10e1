import { fileURLToPath } from "node:url";
import type { DatabaseHandle, DatabaseTarget } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../db/migrations", import.meta.url));

/** Applies pending migrations with the migrator of the driver in use (already loaded by openDatabase). */
export async function migrateDatabase(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    const { migratePglite } = await import("./pglite-client.ts");
    await migratePglite(handle.db, migrationsFolder);
    return;
  }
  const { migratePostgres } = await import("./postgres-client.ts");
  await migratePostgres(target.url, migrationsFolder);
}

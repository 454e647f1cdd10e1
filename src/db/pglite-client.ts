import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type Database, type DatabaseHandle, oncePerUnscoped } from "./database.ts";
import { type SharedPglite, scopedPglite } from "./scoped-pglite.ts";
import { asTableOwner, type Unscoped } from "./workspace-scope.ts";

/**
 * The embedded database, in `dataDir` or in memory: one connection, shared by every view of it.
 * Drizzle and the schema load while PGlite reads and compiles its WebAssembly, which is most of
 * its start.
 */
export async function openPglite(dataDir: string | undefined, unscoped: Unscoped): Promise<DatabaseHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const [client, { drizzle }, schema] = await Promise.all([
    PGlite.create(dataDir),
    import("drizzle-orm/pglite"),
    import("./schema/index.ts"),
  ]);
  const shared: SharedPglite = { client, applied: undefined, tail: Promise.resolve() };
  const view = oncePerUnscoped(
    (u) => drizzle({ client: scopedPglite(shared, u) as never, schema }) as unknown as Database,
  );
  return {
    db: view(unscoped),
    kind: "pglite",
    withUnscoped: view,
    connections: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => shared.client.close(),
  };
}

export async function migratePglite(db: Database, migrationsFolder: string): Promise<void> {
  await asTableOwner(() => migrate(db as unknown as PgliteDatabase, { migrationsFolder }));
}

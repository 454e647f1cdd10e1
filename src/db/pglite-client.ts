import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type Database, type DatabaseHandle, oncePerUnscoped } from "./database.ts";
import { type SharedPglite, scopedPglite } from "./scoped-pglite.ts";
import { asTableOwner, type Unscoped } from "./workspace-scope.ts";

/**
 * Postgres' page cache inside PGlite's WebAssembly memory: 16 MB (2,048 pages) rather than the
 * 128 MB initdb picks, which showed as about 120 MB more resident from the start and 0.1 s more to
 * start. The files are still read through the operating system's own cache, and one workspace's
 * licenses fit many times over.
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * The embedded database, in `dataDir` or in memory: one connection, shared by every view of it.
 * Drizzle and the schema load while PGlite reads and compiles its WebAssembly, which is most of
 * its start.
 */
export async function openPglite(dataDir: string | undefined, unscoped: Unscoped): Promise<DatabaseHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const [client, { drizzle }, schema] = await Promise.all([
    PGlite.create(dataDir, { startParams: START_PARAMS }),
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

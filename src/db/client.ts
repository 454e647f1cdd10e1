import type { DatabaseHandle, DatabaseTarget, OpenOptions } from "./database.ts";

export {
  type ConnectionCounts,
  type Database,
  type DatabaseHandle,
  type DatabaseTarget,
  DatabaseUnavailableError,
  describeConnectionError,
  type OpenOptions,
  type Tx,
} from "./database.ts";

/** Opens the database the target names, loading only that driver. */
export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const unscoped = options.unscoped ?? "nothing";
  if (target.kind === "pglite") {
    const { openPglite } = await import("./pglite-client.ts");
    return openPglite(target.dataDir, unscoped);
  }
  const { openPostgres } = await import("./postgres-client.ts");
  return openPostgres(target.url, target.poolMax, unscoped);
}

import { type Config, ConfigError, loadProcessConfig } from "../config.ts";
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";

/** Config, an open and migrated database, for the command-line entry points. */
export async function bootstrap(
  config: Config = loadProcessConfig(),
): Promise<{ config: Config; handle: DatabaseHandle }> {
  const handle = await openDatabase(config.database);
  try {
    await migrateDatabase(handle, config.database);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { config, handle };
}

/**
 * Runs an entry point: problems a person can fix (settings, an unreachable database) are one
 * clear message and exit code 1, never a stack trace.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
        console.error(error.message);
      } else {
        console.error("License Desk stopped on an unexpected error:", error);
      }
      process.exit(1);
    },
  );
}

import { bootstrap, runMain } from "./cli/bootstrap.ts";
import { formatSeatTable } from "./cli/seat-table.ts";
import { seedLocalWorkspace } from "./cli/seed-local.ts";
import { systemClock } from "./licensing/clock.ts";
import { getSeatUsage } from "./licensing/get-seat-usage.ts";

/** Composition root: config → database → migrations → the local workspace → its seat table. */
runMain(async () => {
  const { config, handle } = await bootstrap(process.env);
  try {
    const where =
      config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
    const seeded = await seedLocalWorkspace(handle.db, systemClock, config.workspaceId);
    console.log(
      `License Desk: ${where}, workspace ${config.workspaceId}${seeded ? " (example catalog loaded)" : ""}\n`,
    );
    console.log(formatSeatTable(await getSeatUsage(handle.db, { workspaceId: config.workspaceId })));
    return 0;
  } finally {
    await handle.close();
  }
});

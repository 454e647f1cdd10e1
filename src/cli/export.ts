import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { bootstrap, runMain } from "./bootstrap.ts";
import { writeWorkspaceExport } from "./write-workspace-export.ts";

const usage = "Usage: npm run export -- --workspace <T…> [--out <directory>]";

/**
 * `npm run export -- --workspace T0123 [--out ./export]`: the workspace's seats, assignments,
 * restore windows and audit log as CSV files in a directory (default `./export-<id>-<date>`). The
 * way to export a workspace that has uninstalled the app, until its data is purged.
 */
runMain(async () => {
  const { values } = parseArgs({ options: { workspace: { type: "string" }, out: { type: "string" } } });
  const workspaceId = values.workspace?.trim();
  if (!workspaceId) {
    console.error(usage);
    return 2;
  }
  const date = new Date().toISOString().slice(0, 10);
  const dir = values.out ?? `./export-${workspaceId}-${date}`;
  const { handle } = await bootstrap();
  try {
    const written = await withinWorkspace(workspaceId, () =>
      writeWorkspaceExport(handle.db, { workspaceId, dir, date }),
    );
    if (!written.ok) {
      console.error(`No workspace ${workspaceId} here: never installed, or its data has been purged.`);
      return 1;
    }
    for (const file of written.files) console.log(`${resolve(file.path)}: ${file.rows} rows`);
    if (!written.active)
      console.log(`${workspaceId} has uninstalled the app: its data is purged after the retention period.`);
    return 0;
  } finally {
    await handle.close();
  }
});

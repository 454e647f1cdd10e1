import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { systemActor } from "../licensing/actor.ts";
import { importCatalog } from "../licensing/catalog/import-catalog.ts";
import { systemClock } from "../licensing/clock.ts";
import { ensureWorkspace } from "../licensing/directory/ensure-workspace.ts";
import { bootstrap, runMain } from "./bootstrap.ts";

const usage = "Usage: npm run catalog -- import <file.json> [--workspace <id>]";

/** `npm run catalog -- import <file>`: loads products and plans, all or nothing. */
runMain(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: "string" } },
  });
  const [verb, file] = positionals;
  if (verb !== "import" || !file) {
    console.error(usage);
    return 2;
  }
  let catalog: unknown;
  try {
    catalog = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const { config, handle } = await bootstrap();
  try {
    const workspaceId = values.workspace ?? config.workspaceId;
    const result = await withinWorkspace(workspaceId, async () => {
      await ensureWorkspace(handle.db, { id: workspaceId, name: workspaceId });
      return importCatalog(handle.db, systemClock, { workspaceId, catalog, actor: systemActor("cli") });
    });
    if (!result.ok) {
      console.error(`${file} was not imported; nothing changed:`);
      // The command line imports as the system, which rule 10 allows; a refusal would still be said.
      const errors = result.code === "CATALOG_INVALID" ? result.errors : [result.code];
      for (const error of errors) console.error(`  ${error}`);
      return 1;
    }
    console.log(
      `Imported ${file} into ${workspaceId}: ${result.created.length} created (${result.created.join(", ") || "none"}), ` +
        `${result.updated.length} updated (${result.updated.join(", ") || "none"}).`,
    );
    return 0;
  } finally {
    await handle.close();
  }
});

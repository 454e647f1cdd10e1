import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { bootstrap } from "../cli/bootstrap.ts";
import type { Config } from "../config.ts";
import { type LocalGraph, startLocalGraph } from "../local-graph/local-graph-server.ts";
import { openLocalConsole } from "./open-console.ts";
import { words } from "./words.ts";

/**
 * `npm start` without Slack settings: the local console at a terminal, a console script with
 * `--script FILE`, and otherwise one message saying what to set or how to open the console.
 * `--tenant demo` connects the console's workspace to a demo Microsoft 365 tenant in the Graph stand-in.
 */
export async function startWithoutSlack(
  config: Config,
  argv: string[],
  stdinIsTty: boolean,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { script: { type: "string" }, tenant: { type: "string" } },
    allowPositionals: false,
  });
  if (values.tenant !== undefined && values.tenant !== "demo") {
    console.error(words.unknownTenant(values.tenant));
    console.error(words.usage());
    return 2;
  }
  if (values.script === undefined && !stdinIsTty) {
    console.error(words.noTerminal());
    return 1;
  }
  const script = values.script === undefined ? undefined : await readFile(values.script, "utf8");
  const { handle } = await bootstrap(config);
  let graph: LocalGraph | undefined;
  try {
    // The demo tenant lives as long as the console: made again from the workspace at each start.
    if (values.tenant === "demo") graph = await startLocalGraph();
    const where =
      config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
    return await openLocalConsole({
      db: handle.db,
      workspaceId: config.workspaceId,
      where,
      input: process.stdin,
      output: process.stdout,
      ...(script === undefined ? {} : { script }),
      // Exports land beside where the console was started, where a person looks for them.
      filesDir: resolve("exports"),
      ...(graph ? { tenant: graph } : {}),
    });
  } finally {
    await graph?.close();
    await handle.close();
  }
}

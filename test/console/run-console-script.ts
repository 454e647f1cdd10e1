import { PassThrough } from "node:stream";
import { openLocalConsole } from "../../src/console/open-console.ts";
import type { Database } from "../../src/db/client.ts";
import type { LocalGraph } from "../../src/local-graph/local-graph-server.ts";

/**
 * The console on a test's database, running `lines` as a script (connected to `tenant`, a Graph
 * stand-in, as `--tenant demo` does); its exit code and transcript.
 */
export async function runConsoleScript(
  db: Database,
  workspaceId: string,
  lines: string[],
  options: { tenant?: LocalGraph } = {},
) {
  const output = new PassThrough();
  let transcript = "";
  output.on("data", (chunk: Buffer) => {
    transcript += chunk.toString("utf8");
  });
  const code = await openLocalConsole({
    db,
    workspaceId,
    where: "test database",
    input: new PassThrough(),
    output,
    script: lines.join("\n"),
    ...(options.tenant ? { tenant: options.tenant } : {}),
  });
  return { code, transcript };
}

import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";

/** The `oauth_config.scopes.bot` list of manifest.yml, read line by line (no YAML parser needed). */
async function manifestBotScopes(): Promise<string[]> {
  const lines = (await readFile(new URL("../../../manifest.yml", import.meta.url), "utf8")).split("\n");
  const start = lines.findIndex((line, i) => line.trim() === "bot:" && lines[i - 1]?.trim() === "scopes:");
  const scopes: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith("#") || line.trim() === "") continue;
    const item = /^\s+- (\S+)$/.exec(line);
    if (!item?.[1]) break;
    scopes.push(item[1]);
  }
  return scopes;
}

it("asks an installing workspace for exactly the manifest's bot scopes", async () => {
  const manifest = await manifestBotScopes();
  expect(manifest.length).toBeGreaterThan(0);
  expect([...BOT_SCOPES].sort()).toEqual(manifest.sort());
});

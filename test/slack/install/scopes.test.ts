import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";
import { LICENSE_SUBCOMMANDS } from "../../../src/slack/license-command/parse-license-command.ts";

/** The `oauth_config.scopes.bot` list of a manifest, read line by line (no YAML parser needed). */
async function manifestBotScopes(file = "manifest.yml"): Promise<string[]> {
  const lines = (await readFile(new URL(`../../../${file}`, import.meta.url), "utf8")).split("\n");
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

it("distributes the same app: the distributed manifest differs only in OAuth, org-wide installs and rotation", async () => {
  const read = (file: string) => readFile(new URL(`../../../${file}`, import.meta.url), "utf8");
  const body = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .join("\n");
  const single = body(await read("manifest.yml"));
  const distributed = body(await read("manifest.distributed.yml"));
  expect(await manifestBotScopes("manifest.distributed.yml")).toEqual(await manifestBotScopes());
  expect(distributed).toContain("/slack/oauth_redirect");
  expect(distributed).toContain("org_deploy_enabled: true");
  expect(distributed).toContain("token_rotation_enabled: true");
  const normalized = distributed
    .replace(/ {2}redirect_urls:\n {4}- \S+\n/, "")
    .replace("org_deploy_enabled: true", "org_deploy_enabled: false")
    .replace("token_rotation_enabled: true", "token_rotation_enabled: false");
  expect(normalized).toBe(single);
});

it("hints every subcommand a person uses daily, in both manifests, each one the parser knows", async () => {
  for (const file of ["manifest.yml", "manifest.distributed.yml"]) {
    const text = await readFile(new URL(`../../../${file}`, import.meta.url), "utf8");
    const hint = /usage_hint: "([^"]*)"/.exec(text)?.[1] ?? "";
    const words = hint.split("|").map((part) => part.trim().split(" ")[0]);
    expect(words).toEqual(["status", "show", "assign", "remove", "restore", "request", "help"]);
    for (const word of words) expect(LICENSE_SUBCOMMANDS).toContain(word);
  }
});

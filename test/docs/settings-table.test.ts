import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * docs/operations.md promises a table of every setting with its default. src/config.ts is the one
 * reader of the environment (with the settings modules it composes), so its schema is the list to hold the table to: a setting added,
 * removed or given a new default there without the docs fails here.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** Where the schema is written: config.ts, and the settings modules it composes. */
const SCHEMA_SOURCES = [
  ["src/config.ts", "const configSchema = z.object({", "\n});"],
  ["src/config/microsoft365-settings.ts", "export const microsoft365Settings = {", "\n};"],
] as const;

function settingsReadByConfig(): Map<string, string | undefined> {
  const settings = new Map<string, string | undefined>();
  for (const [path, start, end] of SCHEMA_SOURCES) {
    const source = read(path);
    const schema = source.slice(source.indexOf(start));
    const body = schema.slice(0, schema.indexOf(end));
    for (const match of body.matchAll(/^ {2}([A-Z][A-Z0-9_]+):([\s\S]*?)(?=^ {2}[A-Z/.]|(?![\s\S]))/gm)) {
      const [, name, definition] = match as unknown as [string, string, string];
      const fallback = /\.default\(("?)([^")]*)\1\)/.exec(definition);
      settings.set(name, fallback ? (fallback[2] as string).replace(/(\d)_(\d)/g, "$1$2") : undefined);
    }
  }
  return settings;
}

function settingsInTable(): Map<string, string> {
  const rows = read("docs/operations.md").matchAll(/^\| `([A-Z][A-Z0-9_]+)` *\| ([^|]*?) *\|/gm);
  return new Map([...rows].map(([, name, fallback]) => [name as string, fallback as string]));
}

describe("the settings table in docs/operations.md", () => {
  const inConfig = settingsReadByConfig();
  const documented = settingsInTable();

  it("finds the settings config.ts reads", () => {
    expect(inConfig.size).toBeGreaterThanOrEqual(20);
    expect(inConfig.get("PORT")).toBe("3000");
  });

  it("lists every setting config.ts reads, and none it does not", () => {
    expect([...documented.keys()].sort()).toEqual([...inConfig.keys()].sort());
  });

  it("gives each setting's default as config.ts does", () => {
    for (const [name, fallback] of inConfig) {
      if (fallback !== undefined) expect(documented.get(name), name).toBe(`\`${fallback}\``);
    }
  });
});

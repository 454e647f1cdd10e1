import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";

const MARK = "/* prepare as ";
const NAME = /^\/\* prepare as ([a-z_]+) \*\//;

/**
 * Marks a statement to be prepared by name, so that each connection parses and plans it once:
 * worth it for the hot path, whose statements are large and whose text never changes (values
 * travel as parameters). The mark is a comment, so a driver that ignores it runs the same SQL.
 */
export function preparedAs(name: string, query: SQL): SQL {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`a statement name is lower case and underscores: ${name}`);
  return sql.join([sql.raw(`${MARK}${name} */ `), query]);
}

const named = new Map<string, string>();

/**
 * The name a marked statement is prepared under, or undefined for any other. It carries a digest
 * of the text, so that a changed statement never meets a plan prepared for the old one.
 */
export function statementName(text: string): string | undefined {
  if (!text.startsWith(MARK)) return undefined;
  let name = named.get(text);
  if (name === undefined) {
    const mark = NAME.exec(text)?.[1];
    if (mark === undefined) return undefined;
    name = `${mark}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
    named.set(text, name);
  }
  return name;
}

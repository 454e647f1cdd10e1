import type { Database } from "../../db/client.ts";
import { loadReaderLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Language } from "../../licensing/language/reader-language.ts";
import { catalogFor } from "./catalogs.ts";
import { type Catalog, en } from "./en.ts";

/**
 * The catalog of one Slack user, by `readerLanguage`: what a reply or a modal to them is written in.
 * Read before the work of a request, often before its ack: when the database cannot say, the reader
 * is unknown and reads English, and the work that follows meets the failure and reports it in the
 * one way every failure is reported.
 */
export async function readerCatalog(
  db: Database,
  workspaceId: string,
  slackUserId: string,
): Promise<Catalog> {
  try {
    return catalogFor(await loadReaderLanguage(db, workspaceId, slackUserId));
  } catch {
    return en;
  }
}

/** A language's name as the reader says it: "Swedish" in English. */
export function languageName(t: Catalog, language: Language): string {
  return t[`language.name.${language}`]();
}

import type { Database } from "../../db/client.ts";
import { loadReaderLanguage, loadWorkspaceLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Language } from "../../licensing/language/reader-language.ts";
import { catalogFor } from "./catalogs.ts";
import type { Catalog } from "./en.ts";

/** The catalog of one Slack user, by `readerLanguage`: what a reply or a DM to them is written in. */
export async function readerCatalog(
  db: Database,
  workspaceId: string,
  slackUserId: string,
): Promise<Catalog> {
  return catalogFor(await loadReaderLanguage(db, workspaceId, slackUserId));
}

/** The catalog of a channel (the approvals channel): the workspace's default language. */
export async function channelCatalog(db: Database, workspaceId: string): Promise<Catalog> {
  return catalogFor(await loadWorkspaceLanguage(db, workspaceId));
}

/** A language's name as the reader says it: "Swedish" in English. */
export function languageName(t: Catalog, language: Language): string {
  return t[`language.name.${language}`]();
}

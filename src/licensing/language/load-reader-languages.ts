import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people, workspaces } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";
import { isLanguage, type Language, readerLanguage } from "./reader-language.ts";

/** The workspace's default language: what a channel reads. English for a workspace not recorded. */
export async function loadWorkspaceLanguage(db: Database | Tx, workspaceId: string): Promise<Language> {
  const [row] = await db
    .select({ defaultLanguage: workspaces.defaultLanguage })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return readerLanguage(null, { defaultLanguage: row?.defaultLanguage ?? null });
}

/**
 * The language each of these Slack users reads, by `readerLanguage`, read at the time of sending
 * so that a choice made since a message was queued is honoured. Users not in the directory read
 * the workspace's default.
 */
export async function loadReaderLanguages(
  db: Database | Tx,
  workspaceId: string,
  slackUserIds: readonly string[],
): Promise<Map<string, Language>> {
  const workspace = { defaultLanguage: await loadWorkspaceLanguage(db, workspaceId) };
  const wanted = [...new Set(slackUserIds)];
  const rows =
    wanted.length === 0
      ? []
      : await db
          .select({
            slackUserId: people.slackUserId,
            language: people.language,
            slackLocale: people.slackLocale,
          })
          .from(people)
          .where(and(eq(people.workspaceId, workspaceId), inArray(people.slackUserId, wanted)));
  const found = new Map(rows.map((row) => [row.slackUserId, row]));
  return new Map(wanted.map((id) => [id, readerLanguage(found.get(id) ?? null, workspace)]));
}

/** One reader's language: see `loadReaderLanguages`. */
export async function loadReaderLanguage(
  db: Database | Tx,
  workspaceId: string,
  slackUserId: string,
): Promise<Language> {
  const languages = await loadReaderLanguages(db, workspaceId, [slackUserId]);
  return languages.get(slackUserId) ?? "en";
}

/** A person's own choice (null: they follow Slack) and the language they read because of it. */
export interface PersonLanguage {
  chosen: Language | null;
  reads: Language;
}

export async function loadPersonLanguage(
  db: Database | Tx,
  workspaceId: string,
  slackUserId: string,
): Promise<PersonLanguage> {
  const [[row], defaultLanguage] = await Promise.all([
    db
      .select({ language: people.language, slackLocale: people.slackLocale })
      .from(people)
      .where(and(eq(people.workspaceId, workspaceId), eq(people.slackUserId, slackUserId))),
    loadWorkspaceLanguage(db, workspaceId),
  ]);
  return {
    chosen: isLanguage(row?.language) ? row.language : null,
    reads: readerLanguage(row ?? null, { defaultLanguage }),
  };
}

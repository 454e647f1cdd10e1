import type { Database } from "../../db/client.ts";
import { loadReaderLanguage, loadWorkspaceLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Language } from "../../licensing/language/reader-language.ts";

/** Slack user ids (U…, W…), as a direct message is addressed; anything else is a channel. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * The language of whoever reads a message sent to `destination`: a person (a DM is addressed by
 * their user id) reads their own; a channel, which many read, the workspace's default.
 */
export function noticeReaderLanguage(
  db: Database,
  workspaceId: string,
  destination: string,
): Promise<Language> {
  return USER_ID.test(destination)
    ? loadReaderLanguage(db, workspaceId, destination)
    : loadWorkspaceLanguage(db, workspaceId);
}

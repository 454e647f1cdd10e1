/** The languages License Desk speaks; a catalog for each lives in the Slack layer. */
export const LANGUAGES = ["en", "sv"] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a Slack locale ("sv-SE", "en-US", "sv"): its primary subtag, when one of ours.
 * Null for a locale we do not speak (de-DE) or none at all, so the next rule decides.
 */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  const primary = locale?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

/** What decides a reader's language, as recorded on their `people` row. */
export interface LanguageChoice {
  /** Chosen by the person (`/license language`, App Home); null when they chose none. */
  language: string | null;
  /** Slack's locale for them, e.g. "sv-SE"; null until read. */
  slackLocale: string | null;
}

/**
 * The one rule for who reads which language: the person's own choice, else their Slack locale,
 * else the workspace's default. A person not in the directory yet (null) reads the default, and
 * so does a channel, which many people read.
 */
export function readerLanguage(
  person: LanguageChoice | null,
  workspace: { defaultLanguage: string | null },
): Language {
  if (person && isLanguage(person.language)) return person.language;
  const fromLocale = languageOfLocale(person?.slackLocale);
  if (fromLocale) return fromLocale;
  return isLanguage(workspace.defaultLanguage) ? workspace.defaultLanguage : "en";
}

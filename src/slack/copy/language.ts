/** The languages License Desk speaks, each with one catalog of the same message ids. */
export const languages = ["en", "sv"] as const;

export type Language = (typeof languages)[number];

/** The locale each language formats dates and numbers in: British English, Swedish as in Sweden. */
export const localeOf: Record<Language, string> = {
  en: "en-GB",
  sv: "sv-SE",
};

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/**
 * The language of a locale as Slack sends it ("sv-SE", "en-US", "sv"), or undefined for a
 * language License Desk does not speak: the caller then falls back to the workspace's default.
 */
export function languageOfLocale(locale: string | null | undefined): Language | undefined {
  const [primary] = (locale ?? "").trim().toLowerCase().split(/[-_]/);
  return primary !== undefined && isLanguage(primary) ? primary : undefined;
}

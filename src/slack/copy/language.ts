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

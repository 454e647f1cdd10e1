import { type Catalog, en } from "./en.ts";
import type { Language } from "./language.ts";
import { sv } from "./sv.ts";

export type { Catalog, MessageId } from "./en.ts";
export { isLanguage, type Language, languageOfLocale, languages } from "./language.ts";

const catalogs: Record<Language, Catalog> = { en, sv };

/** The words of one language: every message id, with the same parameters in each. */
export function catalogFor(language: Language): Catalog {
  return catalogs[language];
}

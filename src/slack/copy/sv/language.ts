import type { language as english } from "../en/language.ts";
import type { Messages } from "../messages.ts";

/** Vem som läser vilket språk: personens val, arbetsytans standard, och hur de ändras. */
export const language = {
  "format.locale": () => "sv-SE",
  "language.name.en": () => "engelska",
  "language.name.sv": () => "svenska",
  "language.set": (p) =>
    `Från och med nu skriver jag till dig på ${p.language}. \`/license language auto\` följer ditt språk i Slack igen.`,
  "language.auto": (p) =>
    `Jag följer ditt språk i Slack: ${p.language} just nu. Välj ett med \`/license language sv\` eller \`/license language en\`.`,
  "language.default_set": (p) =>
    `Arbetsytans standardspråk är nu ${p.language} (var ${p.before}): inlägg i kanaler använder det, och så gör alla som inte valt språk och vars språk i Slack jag inte talar.`,
  "language.default_unchanged": (p) => `Arbetsytans standardspråk är redan ${p.language}.`,
  "language.not_in_directory": () =>
    "Jag hittade dig inte i arbetsytans katalog än, så jag kunde inte spara ditt språk. Försök igen om en minut.",
  "language.follow_slack": () => "följ personens språk i Slack",
  "language.home.label": () => "*Språk*\nSpråket som License Desk skriver till dig på.",
  "language.home.auto": (p) => `Följ Slack (${p.language})`,
  "language.home.placeholder": () => "Välj ett språk",
  "setup.language.title": () => "Standardspråk",
  "setup.language.now": (p) =>
    `${p.language}: för inlägg i kanaler, och för personer som inte valt språk och vars språk i Slack inte erbjuds`,
  "setup.language.placeholder": () => "Välj ett språk",
} satisfies Messages<typeof english>;

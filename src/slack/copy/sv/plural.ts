import type { Noun } from "../en/plural.ts";

const swedishRules = new Intl.PluralRules("sv");
const swedishNumbers = new Intl.NumberFormat("sv-SE");

/**
 * A count as Swedish says it: "1 licens", "2 licenser", "ingen". The category comes from
 * `Intl.PluralRules("sv")` (one and other, as in English), the number from Swedish number
 * formatting: "1,5 dagar", "1 000 licenser".
 */
export function count(n: number, noun: Noun): string {
  if (n === 0 && noun.none !== undefined) return noun.none;
  return `${swedishNumbers.format(n)} ${swedishRules.select(n) === "one" ? noun.one : noun.other}`;
}

/** Nouns the Swedish copy counts more than once; a seat is a "licens", as the admin center says. */
export const nouns = {
  person: { one: "person", other: "personer", none: "ingen" },
  seat: { one: "licens", other: "licenser" },
  seatAssigned: { one: "licens är tilldelad", other: "licenser är tilldelade" },
  product: { one: "produkt", other: "produkter" },
  license: { one: "licens", other: "licenser" },
  day: { one: "dag", other: "dagar" },
  device: { one: "enhet", other: "enheter" },
  removal: { one: "borttagning", other: "borttagningar" },
  change: { one: "ändring", other: "ändringar" },
  location: { one: "användningsplats", other: "användningsplatser" },
  member: { one: "medlem", other: "medlemmar" },
  tenantUser: { one: "Microsoft 365-användare", other: "Microsoft 365-användare" },
  difference: { one: "skillnad", other: "skillnader" },
  macOrPc: { one: "Mac- eller PC-dator", other: "Mac- eller PC-datorer" },
  mailbox: { one: "postlåda", other: "postlådor" },
} as const satisfies Record<string, Noun>;

const englishRules = new Intl.PluralRules("en");

/** The words for a count of something: "seat"/"seats", and optionally what zero reads as ("nobody"). */
export interface Noun {
  one: string;
  other: string;
  /** Said instead of "0 …" when zero reads better as a word of its own: "nobody", "no seats". */
  none?: string;
}

/**
 * A count as English says it: "1 seat", "2 seats", "nobody". The category comes from
 * `Intl.PluralRules`, so another catalog's language gets its own categories from the same place.
 */
export function count(n: number, noun: Noun): string {
  if (n === 0 && noun.none !== undefined) return noun.none;
  return `${n} ${englishRules.select(n) === "one" ? noun.one : noun.other}`;
}

/** Nouns the copy counts more than once. */
export const nouns = {
  person: { one: "person", other: "people", none: "nobody" },
  seat: { one: "seat", other: "seats" },
  seatIs: { one: "seat is", other: "seats are" },
  product: { one: "product", other: "products" },
  license: { one: "license", other: "licenses" },
  day: { one: "day", other: "days" },
  device: { one: "device", other: "devices" },
  removal: { one: "removal", other: "removals" },
  change: { one: "change", other: "changes" },
  location: { one: "usage location", other: "usage locations" },
  member: { one: "member", other: "members" },
  tenantUser: { one: "Microsoft 365 user", other: "Microsoft 365 users" },
  difference: { one: "difference", other: "differences" },
  macOrPc: { one: "Mac or PC", other: "Macs or PCs" },
} as const satisfies Record<string, Noun>;

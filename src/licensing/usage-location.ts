const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Codes the region data knows that are not countries a person can be located in. */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

/** An ISO 3166-1 alpha-2 country code, upper-cased, or null when it is not one. */
export function normalizeUsageLocation(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return null;
  return regionNames.of(code) ? code : null;
}

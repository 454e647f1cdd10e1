import { z } from "zod";
import { servicePlanKind } from "../../db/schema/index.ts";
import { MAX_PURCHASED_SEATS } from "../set-purchased-seats.ts";
import { wellFormed } from "../text.ts";
import { normalizeUsageLocation } from "../usage-location.ts";

/** The same key rule as a catalog file: it names the product in commands and imports. */
export const PRODUCT_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const NAME_MAX = 200;
export const DATA_DESCRIPTION_MAX = 300;
export const INSTALL_LIMIT_MAX = 100;

const locations = z.array(z.string()).transform((codes, ctx) => {
  const normalized = codes.map((code) => normalizeUsageLocation(code));
  const bad = codes.filter((_, i) => normalized[i] === null);
  if (bad.length > 0) {
    ctx.addIssue({ code: "custom", message: `not ISO 3166-1 alpha-2 codes: ${bad.join(", ")}` });
    return z.NEVER;
  }
  return [...new Set(normalized as string[])].sort();
});

// Names are shown to everyone: stored well-formed, as typed otherwise (see ../text.ts).
const text = () => z.string().overwrite(wellFormed).trim();
const name = text().min(1).max(NAME_MAX);

export const newPlanSchema = z
  .strictObject({
    kind: z.enum(servicePlanKind.enumValues),
    name,
    dataDescription: text().min(1).max(DATA_DESCRIPTION_MAX),
    unavailableLocations: locations,
    installLimit: z.number().int().min(1).max(INSTALL_LIMIT_MAX).nullable(),
  })
  .refine((p) => p.kind !== "office_apps" || p.installLimit !== null, {
    message: "office_apps plans need an installLimit",
    path: ["installLimit"],
  });

/** A product as the products form edits it: its own fields, its plans' names and locations, one new plan. */
export const productInputSchema = z.strictObject({
  key: z.string().regex(PRODUCT_KEY, "must be 1-40 lowercase letters, digits or dashes"),
  name,
  purchasedSeats: z.number().int().min(0).max(MAX_PURCHASED_SEATS),
  isDefault: z.boolean(),
  plans: z.array(z.strictObject({ id: z.string().uuid(), name, unavailableLocations: locations })),
  newPlan: newPlanSchema.nullable(),
});

export type ProductInput = z.input<typeof productInputSchema>;
export type ValidProductInput = z.output<typeof productInputSchema>;

import { z } from "zod";
import { servicePlanKind } from "../../db/schema/index.ts";
import { wellFormed } from "../text.ts";
import { normalizeUsageLocation } from "../usage-location.ts";

const key = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    "must be 1-40 lowercase letters, digits or dashes, starting with a letter or digit",
  );

const location = z.string().transform((value, ctx) => {
  const code = normalizeUsageLocation(value);
  if (!code) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO 3166-1 alpha-2 country code` });
    return z.NEVER;
  }
  return code;
});

// A catalog file's names are shown to everyone: stored well-formed, as written otherwise.
const text = () => z.string().overwrite(wellFormed).trim();

const plan = z.strictObject({
  key,
  name: text().min(1).max(200),
  kind: z.enum(servicePlanKind.enumValues),
  dataDescription: text().min(1).max(300),
  dataSurvivesRemoval: z.boolean().default(false),
  unavailableLocations: z.array(location).default([]),
  installLimit: z.number().int().min(1).max(100).nullable().default(null),
});

const product = z
  .strictObject({
    key,
    name: text().min(1).max(200),
    purchasedSeats: z.number().int().min(0).max(1_000_000),
    isDefault: z.boolean().default(false),
    lowSeatThreshold: z.number().int().min(0).default(1),
    plans: z.array(plan).min(1),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.plans.forEach((pl, i) => {
      if (seen.has(pl.key))
        ctx.addIssue({
          code: "custom",
          path: ["plans", i, "key"],
          message: `duplicate plan key "${pl.key}"`,
        });
      seen.add(pl.key);
      if (pl.kind === "office_apps" && pl.installLimit === null) {
        ctx.addIssue({
          code: "custom",
          path: ["plans", i, "installLimit"],
          message: "office_apps plans need an installLimit",
        });
      }
    });
  });

/**
 * A plan key names one service across the catalog's products (see import-catalog.ts): every
 * product that lists it must describe it the same way.
 */
export const catalogSchema = z.strictObject({ products: z.array(product).min(1) }).superRefine((c, ctx) => {
  const first = new Map<string, { plan: z.infer<typeof plan>; where: string }>();
  c.products.forEach((p, i) => {
    p.plans.forEach((pl, j) => {
      const seen = first.get(pl.key);
      if (!seen) {
        first.set(pl.key, { plan: pl, where: `products[${i}].plans[${j}]` });
        return;
      }
      if (JSON.stringify(describe(seen.plan)) !== JSON.stringify(describe(pl))) {
        ctx.addIssue({
          code: "custom",
          path: ["products", i, "plans", j],
          message: `service "${pl.key}" is described differently in ${seen.where}; one key is one service`,
        });
      }
    });
  });
});

const describe = (p: z.infer<typeof plan>) => [
  p.name,
  p.kind,
  p.dataDescription,
  p.dataSurvivesRemoval,
  [...p.unavailableLocations].sort(),
  p.installLimit,
];

export type Catalog = z.infer<typeof catalogSchema>;

/** Each problem with where it is, like `products[2].plans[0].kind: Invalid option ...`. */
export function parseCatalog(
  input: unknown,
): { ok: true; catalog: Catalog } | { ok: false; errors: string[] } {
  const parsed = catalogSchema.safeParse(input);
  const errors = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)),
    ...duplicateKeys(input),
  ];
  if (parsed.success && errors.length === 0) return { ok: true, catalog: parsed.data };
  return { ok: false, errors };
}

/**
 * Keys must be unique among products, and among each product's plans. Checked on the raw input
 * so that duplicates are reported together with every other error, not only once the rest is valid.
 */
function duplicateKeys(input: unknown): string[] {
  const errors: string[] = [];
  const check = (items: unknown, path: string, what: string) => {
    if (!Array.isArray(items)) return;
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const key = (item as { key?: unknown } | null)?.key;
      if (typeof key !== "string") return;
      if (seen.has(key)) errors.push(`${path}[${i}].key: duplicate ${what} key "${key}"`);
      seen.add(key);
    });
  };
  const products = (input as { products?: unknown } | null)?.products;
  check(products, "products", "product");
  if (Array.isArray(products)) {
    products.forEach((p, i) => {
      check((p as { plans?: unknown } | null)?.plans, `products[${i}].plans`, "plan");
    });
  }
  return errors;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
    .join("");
}

import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { products } from "../db/schema/index.ts";
import type { Actor } from "../licensing/actor.ts";
import type { Catalog } from "../licensing/catalog/catalog-schema.ts";
import { type ImportCatalogOutcome, importCatalog } from "../licensing/catalog/import-catalog.ts";
import type { Clock } from "../licensing/clock.ts";
import { serviceFamilyOf } from "./microsoft365/service-families.ts";
import type { ServicePlanTable } from "./microsoft365/service-plan-table.ts";
import type { TenantPort, TenantProduct } from "./tenant-port.ts";

export interface SkippedTenantProduct {
  partNumber: string;
  /** It carries none of the services whose data License Desk keeps (mailbox, files, meetings, Office apps). */
  reason: "NO_KNOWN_SERVICE";
}

export type ImportTenantProductsOutcome =
  | (Extract<ImportCatalogOutcome, { ok: true }> & { skipped: SkippedTenantProduct[] })
  | Exclude<ImportCatalogOutcome, { ok: true }>;

/**
 * Takes the tenant's products into License Desk (rule 13: seats and services come from the
 * tenant): each product people can be given, its seats the tenant's usable ones, its name and
 * services' names from Microsoft's table, its services those whose data License Desk warns
 * about. Written by the catalog import, so who may do it, the audit and all-or-nothing are the
 * same; what an admin set here (default product, low-seat threshold) is kept.
 */
export async function importTenantProducts(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor; tenant: TenantPort; plans: ServicePlanTable },
): Promise<ImportTenantProductsOutcome> {
  const tenantProducts = await input.tenant.readProducts();
  const catalogProducts: Catalog["products"] = [];
  const skipped: SkippedTenantProduct[] = [];
  for (const product of tenantProducts) {
    const entry = toCatalogProduct(product, input.plans);
    if (entry) catalogProducts.push(entry);
    else skipped.push({ partNumber: product.partNumber, reason: "NO_KNOWN_SERVICE" });
  }
  if (catalogProducts.length === 0) return { ok: true, created: [], updated: [], skipped };
  const kept = await keptSettings(
    db,
    input.workspaceId,
    catalogProducts.map((p) => p.key),
  );
  const outcome = await importCatalog(db, clock, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    catalog: {
      products: catalogProducts.map((p) => ({ ...p, ...kept.get(p.key) })),
    },
  });
  return outcome.ok ? { ...outcome, skipped } : outcome;
}

function toCatalogProduct(
  product: TenantProduct,
  table: ServicePlanTable,
): Catalog["products"][number] | undefined {
  const plans = product.services.flatMap((service) => {
    const family = serviceFamilyOf(service.name);
    if (!family) return [];
    return [
      {
        key: keyOf(service.name),
        name: table.planName(service.id) ?? service.name,
        ...family,
        unavailableLocations: [],
      },
    ];
  });
  if (plans.length === 0) return undefined;
  return {
    key: keyOf(product.partNumber),
    name: table.productName(product.id) ?? product.partNumber,
    purchasedSeats: product.seats,
    isDefault: false,
    lowSeatThreshold: 1,
    plans,
  };
}

/** `O365_BUSINESS_PREMIUM` → `o365-business-premium`: a catalog key, stable as the tenant's code is. */
export function keyOf(technicalName: string): string {
  return technicalName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** The admin's own settings of products already imported, which the tenant knows nothing of. */
async function keptSettings(
  db: Database,
  workspaceId: string,
  keys: string[],
): Promise<Map<string, { isDefault: boolean; lowSeatThreshold: number }>> {
  const rows = await db
    .select({ key: products.key, isDefault: products.isDefault, lowSeatThreshold: products.lowSeatThreshold })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.key, keys)));
  return new Map(rows.map((r) => [r.key, { isDefault: r.isDefault, lowSeatThreshold: r.lowSeatThreshold }]));
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../db/rows.ts";
import type { Actor } from "../licensing/actor.ts";
import { writeAudit } from "../licensing/audit.ts";
import type { Catalog } from "../licensing/catalog/catalog-schema.ts";
import {
  type ImportCatalogOutcome,
  importCatalogInTransaction,
} from "../licensing/catalog/import-catalog.ts";
import { refuseUnlessAdministers } from "../licensing/may-administer.ts";
import type { Failure, Tx } from "../licensing/outcome.ts";
import { serviceFamilyOf } from "./microsoft365/service-families.ts";
import type { ServicePlanTable } from "./microsoft365/service-plan-table.ts";
import type { TenantProduct } from "./tenant-port.ts";

export interface SkippedTenantProduct {
  partNumber: string;
  /** It carries none of the services whose data License Desk keeps (mailbox, files, meetings, Office apps). */
  reason: "NO_KNOWN_SERVICE";
}

export interface NamedProduct {
  id: string;
  key: string;
  name: string;
}

export interface TenantProductsWritten {
  ok: true;
  created: string[];
  updated: string[];
  skipped: SkippedTenantProduct[];
  /** Every product taken from the tenant, by key: what `created` and `updated` name. */
  named: NamedProduct[];
  /** The tenant no longer has them: kept with their history, marked gone. */
  gone: NamedProduct[];
  /** Marked gone before, the tenant has them again. */
  returned: NamedProduct[];
  /**
   * The tenant has fewer seats than License Desk's people hold (a subscription cut while they
   * hold it): the purchased count shows what they hold, so that none shows as available.
   */
  overAssigned: (NamedProduct & { tenantSeats: number; held: number })[];
}

export type WriteTenantProductsOutcome =
  | TenantProductsWritten
  | Exclude<ImportCatalogOutcome, { ok: true }>
  | Failure<"NOT_ALLOWED">;

const keptRow = z.object({
  key: z.string(),
  isDefault: z.boolean(),
  lowSeatThreshold: z.number(),
  held: z.number(),
});
const taggedRow = z.object({ id: z.string(), key: z.string(), name: z.string(), returned: z.boolean() });
const namedRow = z.object({ id: z.string(), key: z.string(), name: z.string() });

/**
 * Takes the tenant's products into License Desk inside the caller's transaction (rule 13: seats
 * and services come from the tenant): each product people can be given, its seats the tenant's
 * usable ones (`prepaidUnits.enabled`), its name and services' names from Microsoft's table, its
 * services those whose data License Desk warns about, and the tenant's id for it. Written by the
 * catalog import, so the audit and all-or-nothing are the same; what an admin set here (default
 * product, low-seat threshold) is kept. Products the tenant no longer has are marked gone, never
 * deleted; one that comes back is no longer gone.
 *
 * Seats the tenant gave to people License Desk does not know are set aside first (every sync
 * counts them again afterwards, see `recordOutsideSeats`), so the import compares the tenant's
 * seats with what License Desk's own people hold.
 */
export async function writeTenantProducts(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; actor: Actor; products: TenantProduct[]; plans: ServicePlanTable },
): Promise<WriteTenantProductsOutcome> {
  const { workspaceId, actor } = input;
  const refused = await refuseUnlessAdministers(tx, now, {
    workspaceId,
    actor,
    attempted: "import-catalog",
    targetType: "workspace",
    targetId: workspaceId,
  });
  if (refused) return refused;
  await tx.execute(sql`
    update products set assigned_seats = assigned_seats - outside_seats, outside_seats = 0
    where workspace_id = ${workspaceId} and outside_seats <> 0`);

  const entries: { entry: Catalog["products"][number]; tenant: TenantProduct }[] = [];
  const skipped: SkippedTenantProduct[] = [];
  for (const product of input.products) {
    const entry = toCatalogProduct(product, input.plans);
    if (entry) entries.push({ entry, tenant: product });
    else skipped.push({ partNumber: product.partNumber, reason: "NO_KNOWN_SERVICE" });
  }
  const kept = await queryRows(
    tx,
    sql`select key, is_default as "isDefault", low_seat_threshold as "lowSeatThreshold", assigned_seats as held
        from products where workspace_id = ${workspaceId} and key = any(${sql.param(entries.map((e) => e.entry.key))}::text[])`,
    keptRow,
  );
  const keptByKey = new Map(kept.map((k) => [k.key, k]));
  const overAssigned: { key: string; tenantSeats: number; held: number }[] = [];
  const catalog = entries.map(({ entry }) => {
    const mine = keptByKey.get(entry.key);
    if (!mine) return entry;
    if (mine.held > entry.purchasedSeats) {
      overAssigned.push({ key: entry.key, tenantSeats: entry.purchasedSeats, held: mine.held });
    }
    return {
      ...entry,
      purchasedSeats: Math.max(entry.purchasedSeats, mine.held),
      isDefault: mine.isDefault,
      lowSeatThreshold: mine.lowSeatThreshold,
    };
  });

  let created: string[] = [];
  let updated: string[] = [];
  if (catalog.length > 0) {
    const imported = await importCatalogInTransaction(tx, now, {
      workspaceId,
      actor,
      catalog: { products: catalog },
    });
    if (!imported.ok) return imported;
    ({ created, updated } = imported);
  }

  const tagged = await queryRows(
    tx,
    sql`with tagged as (
          select * from unnest(${sql.param(entries.map((e) => e.entry.key))}::text[],
            ${sql.param(entries.map((e) => e.tenant.id))}::text[]) as t(key, tenant_product_id)
        ), prev as (
          select p.id, p.gone_at from products p join tagged t on t.key = p.key
          where p.workspace_id = ${workspaceId}
        )
        update products p set tenant_product_id = t.tenant_product_id, gone_at = null
        from tagged t, prev
        where p.workspace_id = ${workspaceId} and p.key = t.key and prev.id = p.id
        returning p.id, p.key, p.name, prev.gone_at is not null as returned`,
    taggedRow,
  );
  const gone = await queryRows(
    tx,
    sql`update products set gone_at = ${now.toISOString()}
        where workspace_id = ${workspaceId} and tenant_product_id is not null and gone_at is null
          and not (tenant_product_id = any(${sql.param(input.products.map((p) => p.id))}::text[]))
        returning id, key, name`,
    namedRow,
  );
  const returned = tagged.filter((t) => t.returned).map(({ id, key, name }) => ({ id, key, name }));
  await writeAudit(tx, workspaceId, actor, now, [
    ...gone.map((p) => ({
      action: "product.gone",
      targetType: "product",
      targetId: p.id,
      before: { key: p.key, name: p.name },
      after: { goneAt: now.toISOString() },
    })),
    ...returned.map((p) => ({
      action: "product.returned",
      targetType: "product",
      targetId: p.id,
      before: { key: p.key, name: p.name },
      after: { goneAt: null },
    })),
  ]);
  const byKey = new Map(tagged.map((t) => [t.key, t]));
  return {
    ok: true,
    created,
    updated,
    skipped,
    named: tagged.map(({ id, key, name }) => ({ id, key, name })),
    gone,
    returned,
    overAssigned: overAssigned.flatMap((o) => {
      const product = byKey.get(o.key);
      return product
        ? [{ id: product.id, key: o.key, name: product.name, tenantSeats: o.tenantSeats, held: o.held }]
        : [];
    }),
  };
}

const outsideRow = z.object({ id: z.string(), name: z.string(), outside: z.number() });

/**
 * Counts, for each product the tenant holds, the seats it gave to people License Desk does not
 * hold them for (tenant users matched to no Slack member): the tenant's consumed units less what
 * License Desk's people hold, never below 0 nor past the purchased seats. They are kept inside
 * the assigned count, so "N of M available" is the tenant's enabled − consumed.
 */
export async function recordOutsideSeats(
  tx: Tx,
  workspaceId: string,
  products: TenantProduct[],
): Promise<{ id: string; name: string; outside: number }[]> {
  return queryRows(
    tx,
    sql`with consumed as (
          select * from unnest(${sql.param(products.map((p) => p.id))}::text[],
            ${sql.param(products.map((p) => p.taken))}::int[]) as c(tenant_product_id, taken)
        ), counted as (
          select p.id, p.assigned_seats - p.outside_seats as own,
            greatest(0, least(c.taken - (p.assigned_seats - p.outside_seats),
              p.purchased_seats - (p.assigned_seats - p.outside_seats))) as outside
          from products p join consumed c on c.tenant_product_id = p.tenant_product_id
          where p.workspace_id = ${workspaceId} and p.gone_at is null
        )
        update products p set outside_seats = c.outside, assigned_seats = c.own + c.outside
        from counted c
        where p.id = c.id and p.workspace_id = ${workspaceId}
        returning p.id, p.name, p.outside_seats as outside`,
    outsideRow,
  );
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

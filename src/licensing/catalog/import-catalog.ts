import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { productServices, products, services } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, type Tx } from "../outcome.ts";
import { parseCatalog } from "./catalog-schema.ts";

export type ImportCatalogOutcome =
  | { ok: true; created: string[]; updated: string[] }
  | Failure<"NOT_ALLOWED">
  | Failure<"CATALOG_INVALID">;

/**
 * Loads products and the services they carry, adding new ones and updating existing ones by key.
 * A plan's key names a service across the workspace's products: two products that list `exchange`
 * carry the same Exchange Online service, so a person holding both has one mailbox.
 * All or nothing: any invalid entry, or a seat count below what is already assigned, imports nothing.
 * Plans missing from the file are left alone: removing one would delete people's data.
 */
export async function importCatalog(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; catalog: unknown; actor: Actor },
): Promise<ImportCatalogOutcome> {
  const now = clock.now();
  return inTransaction(db, (tx) => importCatalogInTransaction(tx, now, input));
}

/**
 * The import inside the caller's transaction: for a caller whose import is one part of a larger
 * change (the tenant sync), so that all of it commits or none.
 */
export async function importCatalogInTransaction(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; catalog: unknown; actor: Actor },
): Promise<ImportCatalogOutcome> {
  const parsed = parseCatalog(input.catalog);
  if (!parsed.ok) return fail("CATALOG_INVALID", { errors: parsed.errors });
  const { catalog } = parsed;
  const refused = await refuseUnlessAdministers(tx, now, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    attempted: "import-catalog",
    targetType: "workspace",
    targetId: input.workspaceId,
  });
  if (refused) return refused;
  const existing = await tx
    .select({ key: products.key, purchased: products.purchasedSeats, assigned: products.assignedSeats })
    .from(products)
    .where(
      and(
        eq(products.workspaceId, input.workspaceId),
        inArray(
          products.key,
          catalog.products.map((p) => p.key),
        ),
      ),
    )
    .for("update");
  const existingByKey = new Map(existing.map((e) => [e.key, e]));
  const errors = catalog.products.flatMap((p, i) => {
    const current = existingByKey.get(p.key);
    return current && p.purchasedSeats < current.assigned
      ? [
          `products[${i}].purchasedSeats: ${p.purchasedSeats} is below the ${current.assigned} seats assigned; free ${current.assigned - p.purchasedSeats} first`,
        ]
      : [];
  });
  if (errors.length > 0) return fail("CATALOG_INVALID", { errors });

  const saved = await tx
    .insert(products)
    .values(
      catalog.products.map((p) => ({
        workspaceId: input.workspaceId,
        key: p.key,
        name: p.name,
        purchasedSeats: p.purchasedSeats,
        isDefault: p.isDefault,
        lowSeatThreshold: p.lowSeatThreshold,
      })),
    )
    .onConflictDoUpdate({
      target: [products.workspaceId, products.key],
      set: {
        name: sql`excluded.name`,
        purchasedSeats: sql`excluded.purchased_seats`,
        isDefault: sql`excluded.is_default`,
        lowSeatThreshold: sql`excluded.low_seat_threshold`,
      },
    })
    .returning({ id: products.id, key: products.key });
  const idByKey = new Map(saved.map((s) => [s.key, s.id]));

  // The schema made every listing of one key agree, so each service is written once.
  const byServiceKey = new Map(catalog.products.flatMap((p) => p.plans.map((plan) => [plan.key, plan])));
  const savedServices = await tx
    .insert(services)
    .values([...byServiceKey.values()].map((plan) => ({ workspaceId: input.workspaceId, ...plan })))
    .onConflictDoUpdate({
      target: [services.workspaceId, services.key],
      set: {
        name: sql`excluded.name`,
        kind: sql`excluded.kind`,
        dataDescription: sql`excluded.data_description`,
        dataSurvivesRemoval: sql`excluded.data_survives_removal`,
        unavailableLocations: sql`excluded.unavailable_locations`,
        installLimit: sql`excluded.install_limit`,
      },
    })
    .returning({ id: services.id, key: services.key });
  const serviceIdByKey = new Map(savedServices.map((s) => [s.key, s.id]));
  await tx
    .insert(productServices)
    .values(
      catalog.products.flatMap((p) =>
        p.plans.map((plan) => ({
          workspaceId: input.workspaceId,
          productId: idByKey.get(p.key) as string,
          serviceId: serviceIdByKey.get(plan.key) as string,
        })),
      ),
    )
    .onConflictDoNothing();

  await writeAudit(
    tx,
    input.workspaceId,
    input.actor,
    now,
    catalog.products.map((p) => {
      const before = existingByKey.get(p.key);
      return {
        action: before ? "product.updated" : "product.created",
        targetType: "product",
        targetId: idByKey.get(p.key) as string,
        before: before ? { key: p.key, purchased: before.purchased } : null,
        after: p,
      };
    }),
  );
  return {
    ok: true as const,
    created: catalog.products.filter((p) => !existingByKey.has(p.key)).map((p) => p.key),
    updated: catalog.products.filter((p) => existingByKey.has(p.key)).map((p) => p.key),
  };
}

import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { productServices, products, services } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { abort, type Failure, fail, inTransaction, isUuid, postgresCode } from "../outcome.ts";
import { type SeatUsage, seatUsage } from "../seat-usage.ts";
import { type ProductInput, productInputSchema } from "./product-input.ts";

export type SaveProductOutcome =
  | { ok: true; productId: string; created: boolean; seats: SeatUsage }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PRODUCT" | "PRODUCT_KEY_TAKEN">
  | Failure<"CATALOG_INVALID">
  | Failure<"QUANTITY_BELOW_ASSIGNED">;

const UNIQUE_VIOLATION = "23505";

/**
 * Adds a product (`productId` absent) or edits one: name, key, purchased seats, whether new people
 * get it, its services' names and unavailable locations, and at most one new service. One
 * transaction with its audit row. Rule 1 holds: seats never drop below what is assigned. Services
 * are never removed here, since that would delete people's data. A service is shared by every
 * product that carries it, so renaming it here renames it for all of them.
 */
export async function saveProduct(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; productId?: string; product: ProductInput; actor: Actor },
): Promise<SaveProductOutcome> {
  const parsed = productInputSchema.safeParse(input.product);
  if (!parsed.success) {
    return fail("CATALOG_INVALID", {
      errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
  }
  const product = parsed.data;
  const editing = input.productId;
  if (editing !== undefined && !isUuid(editing)) return fail("UNKNOWN_PRODUCT");
  if (editing === undefined && !product.newPlan) {
    return fail("CATALOG_INVALID", { errors: ["newPlan: a new product needs a service plan"] });
  }
  const now = clock.now();
  const { workspaceId } = input;
  try {
    return await inTransaction(db, async (tx) => {
      const refused = await refuseUnlessAdministers(tx, now, {
        workspaceId,
        actor: input.actor,
        attempted: "save-product",
        targetType: "product",
        targetId: editing ?? product.key,
      });
      if (refused) return refused;
      const [current] = editing
        ? await tx
            .select()
            .from(products)
            .where(and(eq(products.workspaceId, workspaceId), eq(products.id, editing)))
            .for("update")
        : [];
      if (editing && !current) return fail("UNKNOWN_PRODUCT");
      if (current && product.purchasedSeats < current.assignedSeats) {
        return fail("QUANTITY_BELOW_ASSIGNED", {
          assigned: current.assignedSeats,
          toFree: current.assignedSeats - product.purchasedSeats,
          product: { id: current.id, key: current.key, name: current.name },
        });
      }
      const [taken] = await tx
        .select({ id: products.id })
        .from(products)
        .where(
          and(
            eq(products.workspaceId, workspaceId),
            eq(products.key, product.key),
            ...(editing ? [ne(products.id, editing)] : []),
          ),
        );
      if (taken) return fail("PRODUCT_KEY_TAKEN");

      const fields = {
        key: product.key,
        name: product.name,
        purchasedSeats: product.purchasedSeats,
        isDefault: product.isDefault,
      };
      const [saved] = current
        ? await tx.update(products).set(fields).where(eq(products.id, current.id)).returning()
        : await tx
            .insert(products)
            .values({ workspaceId, ...fields })
            .returning();
      if (!saved) throw new Error("product row not written");

      const plansBefore = await tx
        .select({
          id: services.id,
          key: services.key,
          name: services.name,
          unavailableLocations: services.unavailableLocations,
        })
        .from(productServices)
        .innerJoin(services, eq(services.id, productServices.serviceId))
        .where(eq(productServices.productId, saved.id));
      if (product.plans.length > 0) {
        const updated = await tx.execute(sql`
          update services sp
          set name = v.name,
            unavailable_locations = case when v.locations = '' then '{}'::text[]
              else string_to_array(v.locations, ',') end
          from unnest(${sql.param(product.plans.map((p) => p.id))}::uuid[],
            ${sql.param(product.plans.map((p) => p.name))}::text[],
            ${sql.param(product.plans.map((p) => p.unavailableLocations.join(",")))}::text[])
            as v(id, name, locations)
          where sp.id = v.id and sp.workspace_id = ${workspaceId}
            and exists (select 1 from product_services ps where ps.service_id = sp.id and ps.product_id = ${saved.id})
          returning sp.id`);
        if (rowCount(updated) !== new Set(product.plans.map((p) => p.id)).size) {
          abort(fail("CATALOG_INVALID", { errors: ["plans: a plan is not one of this product's"] }));
        }
      }
      const newPlan = product.newPlan;
      if (newPlan) {
        // A service of that name and kind the workspace already has is the same service: the
        // product carries it too, so a person holding both products keeps one copy of its data.
        const workspaceServices = await tx
          .select({ id: services.id, key: services.key, kind: services.kind })
          .from(services)
          .where(eq(services.workspaceId, workspaceId));
        const key = planKey(newPlan.name, newPlan.kind, []);
        const same = workspaceServices.find((s) => s.key === key && s.kind === newPlan.kind);
        const [service] = same
          ? [same]
          : await tx
              .insert(services)
              .values({
                workspaceId,
                key: planKey(
                  newPlan.name,
                  newPlan.kind,
                  workspaceServices.map((s) => s.key),
                ),
                name: newPlan.name,
                kind: newPlan.kind,
                dataDescription: newPlan.dataDescription,
                // Documents on the team site outlive the license; what the other services hold does not.
                dataSurvivesRemoval: newPlan.kind === "team_site",
                unavailableLocations: newPlan.unavailableLocations,
                installLimit: newPlan.installLimit,
              })
              .returning({ id: services.id });
        if (!service) throw new Error("service row not written");
        await tx
          .insert(productServices)
          .values({ workspaceId, productId: saved.id, serviceId: service.id })
          .onConflictDoNothing();
      }
      await writeAudit(tx, workspaceId, input.actor, now, [
        {
          action: current ? "product.updated" : "product.created",
          targetType: "product",
          targetId: saved.id,
          before: current
            ? {
                key: current.key,
                name: current.name,
                purchased: current.purchasedSeats,
                isDefault: current.isDefault,
                plans: plansBefore,
              }
            : null,
          after: {
            key: product.key,
            name: product.name,
            purchased: product.purchasedSeats,
            isDefault: product.isDefault,
            plans: product.plans,
            newPlan: product.newPlan,
          },
        },
      ]);
      return {
        ok: true as const,
        productId: saved.id,
        created: !current,
        seats: seatUsage(saved.purchasedSeats, saved.assignedSeats),
      };
    });
  } catch (error) {
    // Two saves of one key at once: the unique index lets one win, and the other hears why.
    if (postgresCode(error) === UNIQUE_VIOLATION) return fail("PRODUCT_KEY_TAKEN");
    throw error;
  }
}

function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; rowCount?: number | null; affectedRows?: number };
  return r.rows?.length ?? r.rowCount ?? r.affectedRows ?? 0;
}

/** A key for a new service, from its name, unique among the workspace's services. */
function planKey(name: string, kind: string, taken: string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 34) || kind.replace("_", "-");
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

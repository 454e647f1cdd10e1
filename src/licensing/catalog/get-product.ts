import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { productServices, products, type ServicePlanKind, services } from "../../db/schema/index.ts";
import { isUuid } from "../outcome.ts";

export interface ProductDetails {
  id: string;
  key: string;
  name: string;
  purchasedSeats: number;
  assignedSeats: number;
  isDefault: boolean;
  plans: { id: string; key: string; name: string; kind: ServicePlanKind; unavailableLocations: string[] }[];
}

/** A product of the workspace with the services it carries, for the products form; null when unknown. */
export async function getProduct(
  db: Database,
  input: { workspaceId: string; productId: string },
): Promise<ProductDetails | null> {
  if (!isUuid(input.productId)) return null;
  const rows = await db
    .select({ product: products, plan: services })
    .from(products)
    .leftJoin(productServices, eq(productServices.productId, products.id))
    .leftJoin(services, eq(services.id, productServices.serviceId))
    .where(and(eq(products.workspaceId, input.workspaceId), eq(products.id, input.productId)))
    .orderBy(asc(services.name), asc(services.key));
  const first = rows[0];
  if (!first) return null;
  const p = first.product;
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    purchasedSeats: p.purchasedSeats,
    assignedSeats: p.assignedSeats,
    isDefault: p.isDefault,
    plans: rows.flatMap(({ plan }) =>
      plan
        ? [
            {
              id: plan.id,
              key: plan.key,
              name: plan.name,
              kind: plan.kind,
              unavailableLocations: plan.unavailableLocations,
            },
          ]
        : [],
    ),
  };
}

import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { products } from "../db/schema/index.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";

export interface ProductSeats extends SeatUsage {
  productId: string;
  key: string;
  name: string;
  isDefault: boolean;
}

/** Rule 1: every product's purchased, assigned and available seats. */
export async function getSeatUsage(db: Database, input: { workspaceId: string }): Promise<ProductSeats[]> {
  const rows = await db
    .select({
      productId: products.id,
      key: products.key,
      name: products.name,
      isDefault: products.isDefault,
      purchased: products.purchasedSeats,
      assigned: products.assignedSeats,
    })
    .from(products)
    .where(eq(products.workspaceId, input.workspaceId))
    .orderBy(asc(products.name));
  return rows.map(({ purchased, assigned, ...product }) => ({
    ...product,
    ...seatUsage(purchased, assigned),
  }));
}

import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { oncePerDatabase } from "../db/prepared.ts";
import { products } from "../db/schema/index.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";

export interface ProductSeats extends SeatUsage {
  productId: string;
  key: string;
  name: string;
  isDefault: boolean;
}

const seatsQuery = oncePerDatabase((db: Database) =>
  db
    .select({
      productId: products.id,
      key: products.key,
      name: products.name,
      isDefault: products.isDefault,
      purchased: products.purchasedSeats,
      assigned: products.assignedSeats,
    })
    .from(products)
    .where(eq(products.workspaceId, sql.placeholder("workspaceId")))
    .orderBy(asc(products.name))
    .prepare("seat_usage"),
);

/** Rule 1: every product's purchased, assigned and available seats. */
export async function getSeatUsage(db: Database, input: { workspaceId: string }): Promise<ProductSeats[]> {
  const rows = await seatsQuery(db).execute({ workspaceId: input.workspaceId });
  return rows.map(({ purchased, assigned, ...product }) => ({
    ...product,
    ...seatUsage(purchased, assigned),
  }));
}

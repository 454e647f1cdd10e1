import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { type SeatUsage, seatUsage } from "../seat-usage.ts";
import type { Limited } from "./limited.ts";

export interface ProductSeatsRow extends SeatUsage {
  productId: string;
  key: string;
  name: string;
  isDefault: boolean;
}

export interface SeatOverview extends Limited<ProductSeatsRow> {
  /** Over every product, not only the rows returned. */
  full: number;
  available: number;
  purchased: number;
}

interface Row {
  productId: string;
  key: string;
  name: string;
  isDefault: boolean;
  purchased: number;
  assigned: number;
  total: number;
  full: number;
  availableAll: number;
  purchasedAll: number;
}

const seatsRow: z.ZodType<Row> = z.object({
  productId: z.string(),
  key: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  purchased: z.number(),
  assigned: z.number(),
  total: z.number(),
  full: z.number(),
  availableAll: z.number(),
  purchasedAll: z.number(),
});

/**
 * Rule 1 for a dashboard: the products with the smallest share of seats left first (what needs
 * buying is on top), the first `limit` of them, with totals over all of them.
 */
export async function listLowSeatProducts(
  db: Database,
  input: { workspaceId: string; limit: number },
): Promise<SeatOverview> {
  const rows = await queryRows(
    db,
    sql`select id as "productId", key, name, is_default as "isDefault",
          purchased_seats as purchased, assigned_seats as assigned,
          (count(*) over ())::int as total,
          (count(*) filter (where purchased_seats - assigned_seats <= 0) over ())::int as full,
          (sum(greatest(purchased_seats - assigned_seats, 0)) over ())::int as "availableAll",
          (sum(purchased_seats) over ())::int as "purchasedAll"
        from products
        where workspace_id = ${input.workspaceId}
        order by case when purchased_seats > 0
                   then (purchased_seats - assigned_seats)::float8 / purchased_seats else 0 end,
                 name, id
        limit ${input.limit}`,
    seatsRow,
  );
  const first = rows[0];
  return {
    total: Number(first?.total ?? 0),
    full: Number(first?.full ?? 0),
    available: Number(first?.availableAll ?? 0),
    purchased: Number(first?.purchasedAll ?? 0),
    rows: rows.map((r) => ({
      productId: r.productId,
      key: r.key,
      name: r.name,
      isDefault: r.isDefault,
      ...seatUsage(Number(r.purchased), Number(r.assigned)),
    })),
  };
}

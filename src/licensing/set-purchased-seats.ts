import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { products } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "./outcome.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";

export type SetPurchasedSeatsOutcome =
  | { ok: true; before: SeatUsage; seats: SeatUsage }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PRODUCT">
  | Failure<"INVALID_QUANTITY">
  | Failure<"QUANTITY_BELOW_ASSIGNED">;

export const MAX_PURCHASED_SEATS = 1_000_000;

/** Rule 1: the purchased amount can never drop below what is assigned; the refusal says how many to free. */
export function setPurchasedSeats(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; productId: string; purchased: number; actor: Actor },
): Promise<SetPurchasedSeatsOutcome> {
  if (!Number.isInteger(input.purchased) || input.purchased < 0 || input.purchased > MAX_PURCHASED_SEATS) {
    return Promise.resolve(fail("INVALID_QUANTITY", { max: MAX_PURCHASED_SEATS }));
  }
  if (!isUuid(input.productId)) return Promise.resolve(fail("UNKNOWN_PRODUCT"));
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-purchased-seats",
      targetType: "product",
      targetId: input.productId,
    });
    if (refused) return refused;
    const where = and(eq(products.id, input.productId), eq(products.workspaceId, input.workspaceId));
    const [current] = await tx
      .select({
        name: products.name,
        key: products.key,
        purchased: products.purchasedSeats,
        assigned: products.assignedSeats,
      })
      .from(products)
      .where(where)
      .for("update");
    if (!current) return fail("UNKNOWN_PRODUCT");
    if (input.purchased < current.assigned) {
      return fail("QUANTITY_BELOW_ASSIGNED", {
        assigned: current.assigned,
        toFree: current.assigned - input.purchased,
        product: { id: input.productId, key: current.key, name: current.name },
      });
    }
    await tx.update(products).set({ purchasedSeats: input.purchased }).where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "product.seats_changed",
        targetType: "product",
        targetId: input.productId,
        before: { key: current.key, purchased: current.purchased },
        after: { key: current.key, purchased: input.purchased },
      },
    ]);
    return {
      ok: true as const,
      before: seatUsage(current.purchased, current.assigned),
      seats: seatUsage(input.purchased, current.assigned),
    };
  });
}

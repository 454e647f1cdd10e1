import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { products } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { loadAssignmentContext } from "./assignment-context.ts";
import { writeAudit } from "./audit.ts";
import { applyChanges } from "./bulk/apply-changes.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import { buildRemovalWarning, type RemovalWarning } from "./removal-warning.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";

export type RemoveProductOutcome =
  | { ok: true; warning: RemovalWarning; restoreWindowId: string | null; seats: SeatUsage }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "NOT_ASSIGNED">;

/**
 * Removes a license (rules 6 and 7): the seat is free at once; data that does not survive removal
 * waits in a restore window until it is purged; data that survives stays, switched off.
 */
export function removeProduct(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; productId: string; actor: Actor },
): Promise<RemoveProductOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const ctx = await loadAssignmentContext(tx, input);
    // Rule 10, read with the context; only an unknown person or product costs a statement of its own.
    const refused = await refuseUnlessAdministers(
      tx,
      now,
      { ...input, attempted: "remove-product", targetType: "person", targetId: input.personId },
      "ok" in ctx ? null : ctx.actorAdministers,
    );
    if (refused) return refused;
    if ("ok" in ctx) return ctx;
    if (!ctx.assignment) return fail("NOT_ASSIGNED");
    const pair = { personId: ctx.person.id, productId: ctx.product.id };
    const applied = await applyChanges(tx, now, input.actor, {
      workspaceId: input.workspaceId,
      restoreWindowDays: ctx.restoreWindowDays,
      removals: [pair],
      additions: [],
    });
    // Another removal of the same license committed first.
    if (applied.removed.length === 0) return fail("NOT_ASSIGNED");

    const warning = buildRemovalWarning(ctx, now);
    const restoreWindowId = applied.windows[0]?.windowId ?? null;
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "license.removed",
        targetType: "assignment",
        targetId: ctx.assignment.id,
        before: { person: warning.person, product: warning.product, assignedAt: ctx.assignment.assignedAt },
        after: {
          restoreWindowId,
          goneForGoodAt: warning.goneForGoodAt,
          lost: warning.lost,
          survives: warning.survives,
        },
      },
    ]);
    const [seat] = await tx
      .select({ purchased: products.purchasedSeats, assigned: products.assignedSeats })
      .from(products)
      .where(eq(products.id, ctx.product.id));
    if (!seat) throw new Error(`product ${ctx.product.id} vanished during removal`);
    return { ok: true as const, warning, restoreWindowId, seats: seatUsage(seat.purchased, seat.assigned) };
  });
}

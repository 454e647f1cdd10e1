import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { assignments, products, restoreWindows } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { loadAssignmentContext } from "./assignment-context.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import { buildRemovalWarning, type RemovalWarning } from "./removal-warning.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";

export type RemoveProductOutcome =
  | { ok: true; warning: RemovalWarning; restoreWindowId: string | null; seats: SeatUsage }
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "NOT_ASSIGNED">;

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
    if ("ok" in ctx) return ctx;
    const [removed] = await tx
      .delete(assignments)
      .where(and(eq(assignments.personId, ctx.person.id), eq(assignments.productId, ctx.product.id)))
      .returning({
        id: assignments.id,
        assignedAt: assignments.assignedAt,
        assignedBy: assignments.assignedBy,
      });
    if (!removed) return fail("NOT_ASSIGNED");

    const warning = buildRemovalWarning(ctx, now);
    const lostPlanIds = ctx.plans.filter((p) => !p.dataSurvivesRemoval).map((p) => p.id);
    const holdsLostData = ctx.serviceData.some(
      (d) => d.status === "active" && lostPlanIds.includes(d.planId),
    );

    let restoreWindowId: string | null = null;
    if (holdsLostData) {
      const [window] = await tx
        .insert(restoreWindows)
        .values({
          workspaceId: input.workspaceId,
          personId: ctx.person.id,
          productId: ctx.product.id,
          removedAt: now,
          removedBy: input.actor.userId,
          purgeAt: warning.goneForGoodAt,
        })
        .returning({ id: restoreWindows.id });
      restoreWindowId = window?.id ?? null;
    }
    await tx.execute(sql`
      update service_data sd set
        status = (case when sp.data_survives_removal then 'kept' else 'retained' end)::service_data_status,
        restore_window_id = case when sp.data_survives_removal then null else ${restoreWindowId}::uuid end
      from service_plans sp
      where sp.id = sd.service_plan_id and sp.product_id = ${ctx.product.id}
        and sd.person_id = ${ctx.person.id} and sd.status = 'active'`);

    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "license.removed",
        targetType: "assignment",
        targetId: removed.id,
        before: { person: warning.person, product: warning.product, assignedAt: removed.assignedAt },
        after: {
          restoreWindowId,
          goneForGoodAt: warning.goneForGoodAt,
          lost: warning.lost,
          survives: warning.survives,
        },
      },
    ]);
    const [seat] = await tx
      .update(products)
      .set({ assignedSeats: sql`${products.assignedSeats} - 1` })
      .where(eq(products.id, ctx.product.id))
      .returning({ purchased: products.purchasedSeats, assigned: products.assignedSeats });
    if (!seat) throw new Error(`product ${ctx.product.id} vanished during removal`);
    return { ok: true as const, warning, restoreWindowId, seats: seatUsage(seat.purchased, seat.assigned) };
  });
}

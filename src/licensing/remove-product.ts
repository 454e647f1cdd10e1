import type { Database } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { failureAbout, loadAssignmentContext } from "./assignment-context.ts";
import { loadRemovalWarnings } from "./bulk/data-at-risk.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { queuePersonalNotices } from "./outbox/queue-personal-notices.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import type { RemovalWarning } from "./removal-warning.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";
import { withWindowIds, writeLicenseChanges } from "./write-license-changes.ts";

export type RemoveProductOutcome =
  | {
      ok: true;
      warning: RemovalWarning;
      restoreWindowId: string | null;
      /** The tenant holds the product (rule 13): removed here once the tenant has removed it. */
      pendingInTenant: boolean;
      seats: SeatUsage;
    }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "NOT_ASSIGNED" | "INHERITED_FROM_GROUP">;

/**
 * Removes a license (rules 6 and 7): the seat is free at once; data of services no other product
 * the person holds still carries waits in a restore window until it is purged; data that survives
 * stays, switched off.
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
    if (!ctx.assignment) return fail("NOT_ASSIGNED", failureAbout(ctx));
    if (ctx.assignment.fromGroup) {
      return fail("INHERITED_FROM_GROUP", { ...failureAbout(ctx), group: ctx.assignment.fromGroup });
    }
    const pair = { personId: ctx.person.id, productId: ctx.product.id };
    const [warning] = await loadRemovalWarnings(
      tx,
      {
        workspaceId: input.workspaceId,
        restoreWindowDays: ctx.restoreWindowDays,
        people: new Map([[ctx.person.id, ctx.person]]),
        products: new Map([[ctx.product.id, ctx.product]]),
      },
      { removals: [pair], additions: [] },
      now,
    );
    if (!warning) throw new Error("a removal without its warning");
    const [removal] = withWindowIds([pair]);
    if (!removal) throw new Error("a removal without its window id");
    const restoreWindowId = warning.lost.length > 0 ? removal.windowId : null;
    const written = await writeLicenseChanges(tx, now, input.actor, {
      workspaceId: input.workspaceId,
      restoreWindowDays: ctx.restoreWindowDays,
      removals: [removal],
      additions: [],
      audit: [
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
      ],
    });
    if (written.queued.length > 0) {
      // Rule 13: nothing is removed here until the tenant has removed it; its seat stays taken meanwhile.
      const { purchasedSeats, assignedSeats } = ctx.product;
      return {
        ok: true as const,
        warning,
        restoreWindowId,
        pendingInTenant: true,
        seats: seatUsage(purchasedSeats, assignedSeats),
      };
    }
    // Another removal of the same license committed first.
    if (written.removed.length === 0) return fail("NOT_ASSIGNED", failureAbout(ctx));
    const seat = written.seats.find((s) => s.productId === ctx.product.id);
    if (!seat) throw new Error(`product ${ctx.product.id}'s seat counter did not move`);
    await queuePersonalNotices(tx, now, { workspaceId: input.workspaceId, actor: input.actor, written });
    return {
      ok: true as const,
      warning,
      restoreWindowId,
      pendingInTenant: false,
      seats: seatUsage(seat.purchased, seat.assigned),
    };
  });
}

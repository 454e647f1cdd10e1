import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { assignments, products, restoreWindows, serviceData } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { loadAssignmentContext } from "./assignment-context.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { abort, type Failure, fail, inTransaction, type Tx } from "./outcome.ts";
import { purgeWindowsInTransaction } from "./purge-expired-windows.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";
import { planSummary, type SkippedPlan, splitPlansByLocation } from "./service-plans.ts";

export interface AssignProductInput {
  workspaceId: string;
  personId: string;
  productId: string;
  actor: Actor;
}

export interface AssignProductResult {
  ok: true;
  assignmentId: string;
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  enabled: ReturnType<typeof planSummary>[];
  skipped: (ReturnType<typeof planSummary> & { reason: SkippedPlan["reason"]; location: string })[];
  /** True when an open restore window was closed and the retained data came back. */
  restored: boolean;
  seats: SeatUsage;
}

export type AssignProductOutcome =
  | AssignProductResult
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">
  | Failure<"ALREADY_ASSIGNED">
  | Failure<"NO_SEATS_LEFT", { product: { id: string; key: string; name: string }; seats: SeatUsage }>
  | Failure<"WINDOW_CLOSED", { purgedAt: Date | null }>;

/**
 * Assigns one product to one person (rule 3): takes a seat, turns on each service the person's
 * location allows, and restores retained data when a restore window is open (rule 6).
 */
export function assignProduct(db: Database, clock: Clock, input: AssignProductInput) {
  return inTransaction(db, (tx) => assignInTransaction(tx, clock.now(), input, { requireRestore: false }));
}

/**
 * Shared by assign and restore. The seat counter is taken last, so the product row, which every
 * assign of that product contends for, stays locked for as short a time as possible.
 */
export async function assignInTransaction(
  tx: Tx,
  now: Date,
  input: AssignProductInput,
  options: { requireRestore: boolean },
): Promise<AssignProductOutcome> {
  const ctx = await loadAssignmentContext(tx, input);
  if ("ok" in ctx) return ctx;
  const { person, product } = ctx;
  if (!person.active) return fail("PERSON_DEACTIVATED");
  if (ctx.assignment) return fail("ALREADY_ASSIGNED");
  if (!person.usageLocation) return fail("USAGE_LOCATION_REQUIRED");

  const { enabled, skipped } = splitPlansByLocation(ctx.plans, person.usageLocation);

  const [inserted] = await tx
    .insert(assignments)
    .values({
      workspaceId: input.workspaceId,
      personId: person.id,
      productId: product.id,
      assignedAt: now,
      assignedBy: input.actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: assignments.id });
  if (!inserted) return fail("ALREADY_ASSIGNED");

  const restored = await closeOpenWindow(tx, now, input, ctx.openWindow);
  if (options.requireRestore && !restored)
    abort(fail("WINDOW_CLOSED", { purgedAt: ctx.openWindow?.purgeAt ?? null }));

  if (enabled.length > 0) {
    await tx
      .insert(serviceData)
      .values(
        enabled.map((plan) => ({
          workspaceId: input.workspaceId,
          personId: person.id,
          servicePlanId: plan.id,
          status: "active" as const,
          mailboxSizeMb: plan.kind === "mailbox" ? 0 : null,
          provisionedAt: now,
        })),
      )
      // Data kept after a removal (or just restored) comes back as it was, mailbox size included.
      .onConflictDoUpdate({
        target: [serviceData.personId, serviceData.servicePlanId],
        set: { status: "active", restoreWindowId: null },
      });
  }

  const result: Omit<AssignProductResult, "seats"> = {
    ok: true,
    assignmentId: inserted.id,
    person: { id: person.id, name: person.name, slackUserId: person.slackUserId },
    product: { id: product.id, key: product.key, name: product.name },
    enabled: enabled.map(planSummary),
    skipped: skipped.map((s) => ({ ...planSummary(s.plan), reason: s.reason, location: s.location })),
    restored,
  };
  await writeAudit(tx, input.workspaceId, input.actor, now, [
    {
      action: restored ? "license.restored" : "license.assigned",
      targetType: "assignment",
      targetId: inserted.id,
      before: null,
      after: {
        person: result.person,
        product: result.product,
        enabled: result.enabled,
        skipped: result.skipped,
      },
    },
  ]);

  const [seat] = await tx
    .update(products)
    .set({ assignedSeats: sql`${products.assignedSeats} + 1` })
    .where(and(eq(products.id, product.id), lt(products.assignedSeats, products.purchasedSeats)))
    .returning({ purchased: products.purchasedSeats, assigned: products.assignedSeats });
  if (!seat) {
    abort(
      fail("NO_SEATS_LEFT", {
        product: result.product,
        seats: seatUsage(product.purchasedSeats, product.purchasedSeats),
      }),
    );
  }
  return { ...result, seats: seatUsage(seat.purchased, seat.assigned) };
}

/**
 * Restores an open window, or purges it first when its date has passed but the purge has not run
 * yet. The conditional update makes a concurrent purge and restore of the same window exclusive.
 */
async function closeOpenWindow(
  tx: Tx,
  now: Date,
  input: AssignProductInput,
  window: { id: string; purgeAt: Date } | null,
): Promise<boolean> {
  if (!window) return false;
  if (window.purgeAt <= now) {
    await purgeWindowsInTransaction(tx, now, input.actor, {
      workspaceId: input.workspaceId,
      windowIds: [window.id],
    });
    return false;
  }
  const [closed] = await tx
    .update(restoreWindows)
    .set({ status: "restored", closedAt: now })
    .where(
      and(
        eq(restoreWindows.id, window.id),
        eq(restoreWindows.status, "open"),
        sql`${restoreWindows.purgeAt} > ${now.toISOString()}`,
      ),
    )
    .returning({ id: restoreWindows.id });
  if (!closed) return false;
  // Data of services the person's location no longer allows stays, switched off, instead of vanishing.
  await tx
    .update(serviceData)
    .set({ status: "kept", restoreWindowId: null })
    .where(eq(serviceData.restoreWindowId, window.id));
  return true;
}

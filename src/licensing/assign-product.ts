import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { restoreWindows, serviceData } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { loadAssignmentContext } from "./assignment-context.ts";
import { auditInsert } from "./audit.ts";
import { uuidArray } from "./bulk/pairs.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
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
  | Failure<"NOT_ALLOWED">
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">
  | Failure<"ALREADY_ASSIGNED">
  | Failure<"NO_SEATS_LEFT">
  | Failure<"WINDOW_CLOSED">;

/**
 * Assigns one product to one person (rule 3): takes a seat, turns on each service the person's
 * location allows, and restores retained data when a restore window is open (rule 6).
 */
export function assignProduct(db: Database, clock: Clock, input: AssignProductInput) {
  return inTransaction(db, (tx) => assignInTransaction(tx, clock.now(), input, { requireRestore: false }));
}

const seatWritten = z.object({
  purchased: z.number(),
  assigned: z.number(),
  assignmentId: z.string().nullable(),
});

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
  const ctx = await loadAssignmentContext(tx, input, { withServiceData: false });
  // Rule 10, read with the context; only an unknown person or product costs a statement of its own.
  const refused = await refuseUnlessAdministers(
    tx,
    now,
    {
      ...input,
      attempted: options.requireRestore ? "restore-product" : "assign-product",
      targetType: "person",
      targetId: input.personId,
    },
    "ok" in ctx ? null : ctx.actorAdministers,
  );
  if (refused) return refused;
  if ("ok" in ctx) return ctx;
  const { person, product } = ctx;
  if (!person.active) return fail("PERSON_DEACTIVATED");
  if (ctx.assignment) return fail("ALREADY_ASSIGNED");
  if (!person.usageLocation) return fail("USAGE_LOCATION_REQUIRED");

  const { enabled, skipped } = splitPlansByLocation(ctx.plans, person.usageLocation);
  const restored = await closeOpenWindow(tx, now, input, ctx.openWindow);
  if (options.requireRestore && !restored)
    abort(fail("WINDOW_CLOSED", { purgedAt: ctx.openWindow?.purgeAt ?? null }));

  const assignmentId = randomUUID();
  const result: Omit<AssignProductResult, "seats"> = {
    ok: true,
    assignmentId,
    person: { id: person.id, name: person.name, slackUserId: person.slackUserId },
    product: { id: product.id, key: product.key, name: product.name },
    enabled: enabled.map(planSummary),
    skipped: skipped.map((s) => ({ ...planSummary(s.plan), reason: s.reason, location: s.location })),
    restored,
  };
  const audit = auditInsert(
    input.workspaceId,
    input.actor,
    now,
    [
      {
        action: restored ? "license.restored" : "license.assigned",
        targetType: "assignment",
        targetId: assignmentId,
        after: {
          person: result.person,
          product: result.product,
          enabled: result.enabled,
          skipped: result.skipped,
        },
      },
    ],
    sql`exists (select 1 from assignment)`,
  );
  // One statement takes the seat, records the assignment, provisions the services and writes the
  // audit row, so the product row, which every assign of the product contends for, stays locked
  // for one statement and the commit. Each part runs only if the one before it happened.
  const [written] = await queryRows(
    tx,
    sql`
      with seat as (
        update products set assigned_seats = assigned_seats + 1
        where id = ${product.id} and assigned_seats < purchased_seats
        returning purchased_seats, assigned_seats
      ), assignment as (
        insert into assignments (id, workspace_id, person_id, product_id, assigned_at, assigned_by)
        select ${assignmentId}, ${input.workspaceId}, ${person.id}, ${product.id}, ${now.toISOString()}, ${input.actor.userId}
        from seat
        on conflict do nothing
        returning id
      ), provisioned as (
        insert into service_data (workspace_id, person_id, service_plan_id, status, mailbox_size_mb, provisioned_at)
        select ${input.workspaceId}, ${person.id}, plan.id, 'active', case when plan.is_mailbox then 0 end, ${now.toISOString()}
        from assignment,
          unnest(${uuidArray(enabled.map((p) => p.id))}, ${sql.param(enabled.map((p) => p.kind === "mailbox"))}::boolean[])
            as plan(id, is_mailbox)
        -- Data kept after a removal, or just restored, comes back as it was, mailbox size included.
        on conflict (person_id, service_plan_id) do update set status = 'active', restore_window_id = null
      ), audit as (${audit})
      select purchased_seats as purchased, assigned_seats as assigned, (select id from assignment) as "assignmentId"
      from seat`,
    seatWritten,
    { prepareAs: "assign_write" },
  );
  if (!written) {
    abort(
      fail("NO_SEATS_LEFT", {
        product: result.product,
        seats: seatUsage(product.purchasedSeats, product.purchasedSeats),
      }),
    );
  }
  // A concurrent assign of the same license won: give the seat back by rolling everything back.
  if (!written.assignmentId) abort(fail("ALREADY_ASSIGNED"));
  return { ...result, seats: seatUsage(written.purchased, written.assigned) };
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

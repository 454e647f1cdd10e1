import { randomUUID } from "node:crypto";
import type { Database } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { failureAbout, loadAssignmentContext } from "./assignment-context.ts";
import type { AuditEntry } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { queuePersonalNotices } from "./outbox/queue-personal-notices.ts";
import { abort, type Failure, fail, inTransaction, type Tx } from "./outcome.ts";
import { type SeatUsage, seatUsage } from "./seat-usage.ts";
import { nothingRunsCase, planSummary, type SkippedPlan, splitPlansByLocation } from "./service-plans.ts";
import { writeLicenseChanges } from "./write-license-changes.ts";

export interface AssignProductInput {
  workspaceId: string;
  personId: string;
  productId: string;
  actor: Actor;
  /**
   * Assign even when none of the product's services can run in the person's usage location
   * (Microsoft 365 allows it: the person is about to move or travel). Refused unless said.
   */
  evenIfNothingRuns?: boolean;
}

export interface AssignProductResult {
  ok: true;
  assignmentId: string;
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  enabled: ReturnType<typeof planSummary>[];
  skipped: (ReturnType<typeof planSummary> & { reason: SkippedPlan["reason"]; location: string })[];
  /**
   * True when data waiting in a restore window came back: retained data of any service this
   * product carries, whichever product's removal put it there.
   */
  restored: boolean;
  /**
   * The tenant holds the product (rule 13): the change waits for it, its seat held, and the one
   * who decided hears when it has answered. Nothing is assigned in License Desk's record until then.
   */
  pendingInTenant: boolean;
  seats: SeatUsage;
}

export type AssignProductOutcome =
  | AssignProductResult
  | Failure<"NOT_ALLOWED">
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">
  | Failure<"ALREADY_ASSIGNED">
  | Failure<"NO_SEATS_LEFT">
  | Failure<"NOTHING_RUNS_IN_LOCATION">
  | Failure<"WINDOW_CLOSED">;

/**
 * Assigns one product to one person (rule 3): takes a seat, turns on each service the person's
 * location allows, and brings back retained data of those services while its window is open (rule 6).
 */
export function assignProduct(db: Database, clock: Clock, input: AssignProductInput) {
  return inTransaction(db, (tx) =>
    assignInTransaction(tx, clock.now(), input, { requireRestore: false, tellPerson: true }),
  );
}

/**
 * Shared by assign, restore and approval: the checks, then one statement of the license writer.
 * `tellPerson` queues the person's notice (rule 12); an approval tells them in its own words.
 */
export async function assignInTransaction(
  tx: Tx,
  now: Date,
  input: AssignProductInput,
  options: { requireRestore: boolean; tellPerson?: boolean },
): Promise<AssignProductOutcome> {
  const ctx = await loadAssignmentContext(tx, input);
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
  const about = failureAbout(ctx);
  if (!person.active) return fail("PERSON_DEACTIVATED", { people: [about.person], product: about.product });
  if (ctx.assignment) return fail("ALREADY_ASSIGNED", about);
  if (!person.usageLocation) {
    return fail("USAGE_LOCATION_REQUIRED", { people: [about.person], product: about.product });
  }

  const { enabled, skipped } = splitPlansByLocation(ctx.plans, person.usageLocation);
  // A seat that turns nothing on is refused unless asked for; a restore brings data back whatever runs.
  const nothingRuns = enabled.length === 0 && skipped.length > 0;
  if (nothingRuns && !input.evenIfNothingRuns && !options.requireRestore) {
    return fail("NOTHING_RUNS_IN_LOCATION", {
      cases: [nothingRunsCase(person, product, skipped, person.usageLocation)],
    });
  }
  const summary = {
    ...about,
    enabled: enabled.map(planSummary),
    skipped: skipped.map((s) => ({ ...planSummary(s.plan), reason: s.reason, location: s.location })),
  };
  const assignmentId = randomUUID();
  const entry = (action: string): AuditEntry => ({
    action,
    targetType: "assignment",
    targetId: assignmentId,
    after: nothingRuns && input.evenIfNothingRuns ? { ...summary, evenIfNothingRuns: true } : summary,
  });
  const written = await writeLicenseChanges(tx, now, input.actor, {
    workspaceId: input.workspaceId,
    restoreWindowDays: ctx.restoreWindowDays,
    removals: [],
    additions: [{ personId: person.id, productId: product.id, assignmentId }],
    openWindows: ctx.openWindows,
    audit: [entry("license.assigned")],
    auditIfRestored: [entry("license.restored")],
  });
  if (written.overbooked.length > 0) {
    abort(
      fail("NO_SEATS_LEFT", {
        product: summary.product,
        seats: seatUsage(product.purchasedSeats, product.purchasedSeats),
      }),
    );
  }
  const pendingInTenant = written.queued.length > 0;
  // A concurrent assign of the same license won: give the seat back by rolling everything back.
  if (written.added.length === 0 && !pendingInTenant) abort(fail("ALREADY_ASSIGNED", about));
  const restored = written.restored.length > 0;
  if (options.requireRestore && !restored && !pendingInTenant) {
    abort(fail("WINDOW_CLOSED", { ...about, purgedAt: null }));
  }
  const seat = written.seats.find((s) => s.productId === product.id);
  if (!seat) throw new Error(`product ${product.id}'s seat counter did not move`);
  if (options.tellPerson) {
    await queuePersonalNotices(tx, now, { workspaceId: input.workspaceId, actor: input.actor, written });
  }
  return {
    ok: true as const,
    assignmentId,
    ...summary,
    restored,
    pendingInTenant,
    seats: seatUsage(seat.purchased, seat.assigned),
  };
}

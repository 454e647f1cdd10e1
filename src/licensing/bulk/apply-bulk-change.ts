import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { bulkChanges } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { queuePersonalNotices } from "../outbox/queue-personal-notices.ts";
import { type Failure, fail, inTransaction, type Tx } from "../outcome.ts";
import { withWindowIds, writeLicenseChanges } from "../write-license-changes.ts";
import { type BulkState, loadBulkState, windowsOf } from "./bulk-state.ts";
import {
  type BulkPlan,
  type BulkPlanFailure,
  type BulkRequest,
  type ProductSeatsChange,
  planBulkChange,
} from "./plan-bulk-change.ts";

export interface BulkChangeInput extends BulkRequest {
  workspaceId: string;
  actor: Actor;
  /** The same key applies once; the Slack layer passes the modal's view id. */
  idempotencyKey?: string;
}

export interface BulkResult {
  ok: true;
  /** True when this key was applied before and its first result is returned. */
  replayed: boolean;
  peopleChanged: number;
  added: number;
  removed: number;
  restored: number;
  windowsOpened: number;
  /**
   * Changes to products the tenant holds (rule 13): sent there, made here once it has answered;
   * not counted in `added` and `removed` until then.
   */
  sentToTenant: number;
  products: ProductSeatsChange[];
}

export type BulkOutcome =
  | BulkResult
  | BulkPlanFailure
  | Failure<"NO_SEATS_LEFT">
  | Failure<"NOT_ALLOWED" | "IDEMPOTENCY_CONFLICT">;

/**
 * Applies a bulk change whole or not at all (rule 5): if any product lacks seats nothing changes
 * and the result says how many are missing per product.
 */
export function applyBulkChange(db: Database, clock: Clock, input: BulkChangeInput): Promise<BulkOutcome> {
  const now = clock.now();
  // Sorting and hashing ten thousand ids is only worth it when there is a key to hold them against.
  const contentHash = input.idempotencyKey ? hashRequest(input) : "";
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "apply-bulk-change",
      targetType: "bulk_change",
      targetId: input.idempotencyKey ?? "bulk",
    });
    if (refused) return refused;
    if (input.idempotencyKey) {
      const earlier = await claimKey(tx, input, contentHash, now);
      if (earlier) return earlier;
    }
    const state = await loadBulkState(tx, {
      workspaceId: input.workspaceId,
      personIds: input.personIds,
      lock: true,
    });
    const plan = planBulkChange(state, input);
    if ("ok" in plan) return plan;
    const shortfalls = plan.products.filter((p) => p.missing > 0);
    if (shortfalls.length > 0) return fail("NO_SEATS_LEFT", { shortfalls });

    const applied = await writeLicenseChanges(tx, now, input.actor, {
      workspaceId: input.workspaceId,
      restoreWindowDays: state.restoreWindowDays,
      removals: withWindowIds(plan.removals),
      additions: plan.additions,
      openWindows: windowsOf(state, new Set(plan.additions.map((a) => a.personId))),
    });
    // The seats were checked with the products locked; a counter that did not move is a bug.
    if (applied.overbooked.length > 0)
      throw new Error(`bulk change overbooked ${applied.overbooked.join(", ")}`);
    // One message per person for the whole change, not one per product.
    await queuePersonalNotices(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      written: applied,
    });
    const result: BulkResult = {
      ok: true,
      replayed: false,
      peopleChanged: plan.people.filter((p) => p.added.length + p.removed.length > 0).length,
      added: applied.added.length,
      removed: applied.removed.length,
      sentToTenant: applied.queued.length,
      restored: applied.restored.length,
      windowsOpened: applied.windows.length,
      products: plan.products,
    };
    await writeAudit(tx, input.workspaceId, input.actor, now, auditEntries(input, state, plan, result));
    if (input.idempotencyKey) {
      await tx
        .update(bulkChanges)
        .set({ result })
        .where(
          and(
            eq(bulkChanges.workspaceId, input.workspaceId),
            eq(bulkChanges.idempotencyKey, input.idempotencyKey),
          ),
        );
    }
    return result;
  });
}

/**
 * Claims the key before any work. A concurrent holder of the same key makes this wait until it
 * commits (then its result is returned) or rolls back (then the key is free again).
 */
async function claimKey(
  tx: Tx,
  input: BulkChangeInput,
  contentHash: string,
  now: Date,
): Promise<BulkResult | Failure<"IDEMPOTENCY_CONFLICT"> | null> {
  const key = input.idempotencyKey as string;
  const [claimed] = await tx
    .insert(bulkChanges)
    .values({
      workspaceId: input.workspaceId,
      idempotencyKey: key,
      contentHash,
      result: {},
      appliedAt: now,
      appliedBy: input.actor.userId,
    })
    .onConflictDoNothing()
    .returning({ key: bulkChanges.idempotencyKey });
  if (claimed) return null;
  const [earlier] = await tx
    .select()
    .from(bulkChanges)
    .where(and(eq(bulkChanges.workspaceId, input.workspaceId), eq(bulkChanges.idempotencyKey, key)));
  if (!earlier || earlier.contentHash !== contentHash) return fail("IDEMPOTENCY_CONFLICT");
  return { ...(earlier.result as BulkResult), replayed: true };
}

function hashRequest(input: BulkChangeInput): string {
  const canonical = {
    mode: input.mode,
    people: [...new Set(input.personIds)].sort(),
    add: [...new Set(input.add)].sort(),
    remove: input.mode === "replace" ? [] : [...new Set(input.remove ?? [])].sort(),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/** One row per person whose licenses changed, and one for the change as a whole. */
function auditEntries(input: BulkChangeInput, state: BulkState, plan: BulkPlan, result: BulkResult) {
  const keys = (refs: { key: string }[]) => refs.map((r) => r.key).sort();
  const perPerson = plan.people
    .filter((p) => p.added.length + p.removed.length > 0)
    .map((p) => ({
      action: "license.bulk_changed",
      targetType: "person",
      targetId: p.person.id,
      before: { products: keys([...p.kept, ...p.removed]) },
      // What was added and removed follows from before and after; leaving it out halves the row.
      after: { products: keys([...p.kept, ...p.added]) },
    }));
  const productKey = (id: string) => state.products.get(id)?.key ?? id;
  return [
    ...perPerson,
    {
      action: "bulk.applied",
      targetType: "bulk_change",
      targetId: input.idempotencyKey ?? randomUUID(),
      after: {
        mode: input.mode,
        people: input.personIds.length,
        add: input.add.map(productKey),
        remove: (input.remove ?? []).map(productKey),
        added: result.added,
        removed: result.removed,
        restored: result.restored,
        ...(input.evenIfNothingRuns ? { evenIfNothingRuns: true } : {}),
      },
    },
  ];
}

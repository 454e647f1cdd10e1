import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock.ts";
import { inTransaction } from "../outcome.ts";
import type { RemovalWarning } from "../removal-warning.ts";
import { loadBulkState } from "./bulk-state.ts";
import { loadRemovalWarnings } from "./data-at-risk.ts";
import {
  type BulkPlanFailure,
  type BulkRequest,
  type PersonChange,
  type ProductSeatsChange,
  planBulkChange,
} from "./plan-bulk-change.ts";

export interface BulkPreview {
  ok: true;
  mode: BulkRequest["mode"];
  people: PersonChange[];
  products: ProductSeatsChange[];
  /** Products without enough seats; applying would change nothing while any is listed. */
  shortfalls: ProductSeatsChange[];
  /**
   * Every removal the change implies, with its data-loss warning: a service another product the
   * person keeps or gains still carries is not lost.
   */
  dataLoss: RemovalWarning[];
}

/** What a bulk change would do, changing nothing: the content of the confirmation step. */
export async function previewBulkChange(
  db: Database,
  clock: Clock,
  input: BulkRequest & { workspaceId: string },
): Promise<BulkPreview | BulkPlanFailure> {
  const now = clock.now();
  // One read-only transaction, so that the lists and the seat counts agree with each other.
  return inTransaction(db, async (tx) => {
    const state = await loadBulkState(tx, {
      workspaceId: input.workspaceId,
      personIds: input.personIds,
      lock: false,
    });
    const plan = planBulkChange(state, input);
    if ("ok" in plan) return plan;
    return {
      ok: true as const,
      mode: input.mode,
      people: plan.people,
      products: plan.products,
      shortfalls: plan.products.filter((p) => p.missing > 0),
      dataLoss: await loadRemovalWarnings(
        tx,
        { ...state, workspaceId: input.workspaceId },
        { removals: plan.removals, additions: plan.additions },
        now,
      ),
    };
  });
}

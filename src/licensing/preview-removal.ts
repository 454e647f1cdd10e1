import type { Database } from "../db/client.ts";
import { failureAbout, loadAssignmentContext } from "./assignment-context.ts";
import { loadRemovalWarnings } from "./bulk/data-at-risk.ts";
import type { Clock } from "./clock.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import type { RemovalWarning } from "./removal-warning.ts";

export type PreviewRemovalOutcome =
  | { ok: true; warning: RemovalWarning }
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "NOT_ASSIGNED">;

/**
 * What removing the license would delete, changing nothing: the content of the confirmation
 * dialog. Data of a service another product the person holds still carries is not in it.
 */
export async function previewRemoval(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; productId: string },
): Promise<PreviewRemovalOutcome> {
  const now = clock.now();
  // One read-only transaction, so that the warning describes the holdings the context read.
  return inTransaction(db, async (tx) => {
    const ctx = await loadAssignmentContext(tx, input);
    if ("ok" in ctx) return ctx;
    if (!ctx.assignment) return fail("NOT_ASSIGNED", failureAbout(ctx));
    const [warning] = await loadRemovalWarnings(
      tx,
      {
        workspaceId: input.workspaceId,
        restoreWindowDays: ctx.restoreWindowDays,
        people: new Map([[ctx.person.id, ctx.person]]),
        products: new Map([[ctx.product.id, ctx.product]]),
      },
      { removals: [{ personId: ctx.person.id, productId: ctx.product.id }], additions: [] },
      now,
    );
    if (!warning) throw new Error("a removal without its warning");
    return { ok: true as const, warning };
  });
}

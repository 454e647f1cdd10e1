import type { Database } from "../db/client.ts";
import { loadAssignmentContext } from "./assignment-context.ts";
import type { Clock } from "./clock.ts";
import { type Failure, fail } from "./outcome.ts";
import { buildRemovalWarning, type RemovalWarning } from "./removal-warning.ts";

export type PreviewRemovalOutcome =
  | { ok: true; warning: RemovalWarning }
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "NOT_ASSIGNED">;

/** What removing the license would delete, changing nothing: the content of the confirmation dialog. */
export async function previewRemoval(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; productId: string },
): Promise<PreviewRemovalOutcome> {
  const ctx = await loadAssignmentContext(db, input);
  if ("ok" in ctx) return ctx;
  if (!ctx.assignment) return fail("NOT_ASSIGNED");
  return { ok: true, warning: buildRemovalWarning(ctx, clock.now()) };
}

import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { restoreWindows } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import type { Clock } from "../clock.ts";
import { fail, isUuid } from "../outcome.ts";
import { type RestoreProductOutcome, restoreProduct } from "../restore-product.ts";

/**
 * Restores the license a restore window names, as a button on that window asks. The window only
 * says whose data and which product: the restore itself re-checks everything, so a window that
 * has ended, or was used already, gets the same answer as `/license restore` would give.
 */
export async function restoreWindow(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; windowId: string; actor: Actor },
): Promise<RestoreProductOutcome> {
  if (!isUuid(input.windowId)) return fail("WINDOW_CLOSED", { purgedAt: null });
  const [window] = await db
    .select({ personId: restoreWindows.personId, productId: restoreWindows.productId })
    .from(restoreWindows)
    .where(and(eq(restoreWindows.workspaceId, input.workspaceId), eq(restoreWindows.id, input.windowId)));
  if (!window) return fail("WINDOW_CLOSED", { purgedAt: null });
  return restoreProduct(db, clock, { workspaceId: input.workspaceId, ...window, actor: input.actor });
}

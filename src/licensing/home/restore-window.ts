import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { restoreWindows } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import type { Clock } from "../clock.ts";
import { type Failure, fail, isUuid } from "../outcome.ts";
import { type RestoreProductOutcome, restoreProduct } from "../restore-product.ts";

export type RestoreWindowOutcome = RestoreProductOutcome | Failure<"UNKNOWN_WINDOW">;

/**
 * Restores the license a restore window names, as a button on that window asks. The window only
 * says whose data and which product: the restore itself re-checks everything, so a window that
 * has ended, or was used already, gets the same answer as `/license restore` would give. An id that
 * names no window of this workspace (another's, made up, malformed) is UNKNOWN_WINDOW: nothing is
 * known of its data, so nothing is said of it.
 */
export async function restoreWindow(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; windowId: string; actor: Actor },
): Promise<RestoreWindowOutcome> {
  if (!isUuid(input.windowId)) return fail("UNKNOWN_WINDOW");
  const [window] = await db
    .select({ personId: restoreWindows.personId, productId: restoreWindows.productId })
    .from(restoreWindows)
    .where(and(eq(restoreWindows.workspaceId, input.workspaceId), eq(restoreWindows.id, input.windowId)));
  if (!window) return fail("UNKNOWN_WINDOW");
  return restoreProduct(db, clock, { workspaceId: input.workspaceId, ...window, actor: input.actor });
}

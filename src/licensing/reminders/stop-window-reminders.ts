import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people, products, reminders, restoreWindows } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";

export type StopWindowRemindersOutcome =
  | {
      ok: true;
      person: string;
      product: string;
      purgeAt: Date;
      /** The reminders had been stopped before: nothing more was done. */
      repeated: boolean;
    }
  | Failure<"NOT_ALLOWED" | "WINDOW_CLOSED" | "WINDOW_RESTORED" | "UNKNOWN_WINDOW">;

/**
 * "Let it expire": no more reminders about an open restore window; its data goes on its date
 * unless the license is assigned again. Recorded as the window's last reminder step (0 days), which
 * every later reminder day yields to; a repeat changes nothing and says so. An id that names no window of this
 * workspace is UNKNOWN_WINDOW, never a window said to have ended.
 */
export function stopWindowReminders(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; windowId: string; actor: Actor },
): Promise<StopWindowRemindersOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "stop-window-reminders",
      targetType: "restore_window",
      targetId: input.windowId,
    });
    if (refused) return refused;
    if (!isUuid(input.windowId)) return fail("UNKNOWN_WINDOW");
    const [window] = await tx
      .select({
        status: restoreWindows.status,
        purgeAt: restoreWindows.purgeAt,
        person: people.name,
        product: products.name,
      })
      .from(restoreWindows)
      .innerJoin(people, eq(people.id, restoreWindows.personId))
      .innerJoin(products, eq(products.id, restoreWindows.productId))
      .where(and(eq(restoreWindows.workspaceId, input.workspaceId), eq(restoreWindows.id, input.windowId)));
    if (!window) return fail("UNKNOWN_WINDOW");
    // A restored window's data is back: saying it ended would say the data is gone.
    if (window.status === "restored") return fail("WINDOW_RESTORED");
    if (window.status !== "open" || window.purgeAt <= now) return fail("WINDOW_CLOSED");
    const stopped = await tx
      .insert(reminders)
      .values({
        workspaceId: input.workspaceId,
        kind: "restore_window",
        subjectId: input.windowId,
        step: "0",
        decidedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    if (stopped.length > 0) {
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: "restore_window.reminders_stopped",
          targetType: "restore_window",
          targetId: input.windowId,
          after: { purgeAt: window.purgeAt },
        },
      ]);
    }
    return {
      ok: true as const,
      person: window.person,
      product: window.product,
      purgeAt: window.purgeAt,
      repeated: stopped.length === 0,
    };
  });
}

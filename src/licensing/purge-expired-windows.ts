import { and, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { restoreWindows, serviceData } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { inTransaction, type Tx } from "./outcome.ts";

export interface PurgedWindow {
  windowId: string;
  personId: string;
  productId: string;
  purgeAt: Date;
  deletedServiceData: number;
}

/**
 * Deletes for good the data of every restore window whose date has passed (rule 6). Idempotent:
 * a window is purged once, and a concurrent restore of the same window excludes it.
 */
export function purgeExpiredWindows(
  db: Database,
  clock: Clock,
  input: { workspaceId?: string; actor: Actor },
): Promise<{ ok: true; purged: PurgedWindow[] }> {
  const now = clock.now();
  return inTransaction(db, async (tx) => ({
    ok: true as const,
    purged: await purgeWindowsInTransaction(tx, now, input.actor, { workspaceId: input.workspaceId }),
  }));
}

export async function purgeWindowsInTransaction(
  tx: Tx,
  now: Date,
  actor: Actor,
  scope: { workspaceId?: string | undefined; windowIds?: string[] },
): Promise<PurgedWindow[]> {
  const conditions: SQL[] = [eq(restoreWindows.status, "open"), lte(restoreWindows.purgeAt, now)];
  if (scope.workspaceId) conditions.push(eq(restoreWindows.workspaceId, scope.workspaceId));
  if (scope.windowIds) conditions.push(inArray(restoreWindows.id, scope.windowIds));
  const windows = await tx
    .update(restoreWindows)
    .set({ status: "purged", closedAt: now })
    .where(and(...conditions))
    .returning({
      windowId: restoreWindows.id,
      workspaceId: restoreWindows.workspaceId,
      personId: restoreWindows.personId,
      productId: restoreWindows.productId,
      purgeAt: restoreWindows.purgeAt,
    });
  if (windows.length === 0) return [];
  const deleted = await tx
    .delete(serviceData)
    .where(
      inArray(
        serviceData.restoreWindowId,
        windows.map((w) => w.windowId),
      ),
    )
    .returning({ windowId: serviceData.restoreWindowId });
  const deletedPerWindow = new Map<string, number>();
  for (const row of deleted) {
    if (row.windowId) deletedPerWindow.set(row.windowId, (deletedPerWindow.get(row.windowId) ?? 0) + 1);
  }
  const purged = windows.map((w) => ({ ...w, deletedServiceData: deletedPerWindow.get(w.windowId) ?? 0 }));
  await writeAudit(
    tx,
    null,
    actor,
    now,
    purged.map((w) => ({
      workspaceId: w.workspaceId,
      action: "restore_window.purged",
      targetType: "restore_window",
      targetId: w.windowId,
      before: { status: "open", purgeAt: w.purgeAt },
      after: {
        status: "purged",
        personId: w.personId,
        productId: w.productId,
        deletedServiceData: w.deletedServiceData,
      },
    })),
  );
  return purged.map(({ workspaceId: _, ...w }) => w);
}

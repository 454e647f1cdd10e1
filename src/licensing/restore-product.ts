import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { restoreWindows } from "../db/schema/index.ts";
import { type AssignProductInput, type AssignProductOutcome, assignInTransaction } from "./assign-product.ts";
import type { Clock } from "./clock.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";

export type RestoreProductOutcome = AssignProductOutcome | Failure<"NOTHING_TO_RESTORE">;

/**
 * Assigns a removed license again inside its restore window, bringing the retained data back.
 * After the window, says WINDOW_CLOSED with the date the data was gone for good; when no data ever
 * waited (never removed, or restored already), NOTHING_TO_RESTORE.
 */
export async function restoreProduct(
  db: Database,
  clock: Clock,
  input: AssignProductInput,
): Promise<RestoreProductOutcome> {
  const outcome = await inTransaction(db, (tx) =>
    assignInTransaction(tx, clock.now(), input, { requireRestore: true, tellPerson: true }),
  );
  if (outcome.ok || outcome.code !== "WINDOW_CLOSED") return outcome;
  const [last] = await db
    .select({ purgeAt: restoreWindows.purgeAt, status: restoreWindows.status })
    .from(restoreWindows)
    .where(
      and(
        eq(restoreWindows.workspaceId, input.workspaceId),
        eq(restoreWindows.personId, input.personId),
        eq(restoreWindows.productId, input.productId),
      ),
    )
    .orderBy(desc(restoreWindows.removedAt))
    .limit(1);
  // Never removed, or already restored: there was no data waiting, not a window that ended.
  // The refusal from the transaction names the person and product; the outcome keeps them.
  const { ok: _ok, code: _code, purgedAt: _purgedAt, ...about } = outcome;
  if (!last || last.status === "restored") return fail("NOTHING_TO_RESTORE", about);
  return fail("WINDOW_CLOSED", { ...about, purgedAt: last.purgeAt });
}

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { products } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";

export type SetDefaultProductsOutcome =
  | { ok: true; defaults: string[]; changed: boolean }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PRODUCT">;

/**
 * Rule 2: which products a person who joins gets. Exactly the products given become the defaults,
 * the others stop being ones; one transaction with its audit row. A product gone meanwhile refuses
 * the whole change rather than applying part of it.
 */
export function setDefaultProducts(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; productIds: readonly string[]; actor: Actor },
): Promise<SetDefaultProductsOutcome> {
  const { workspaceId } = input;
  const wanted = [...new Set(input.productIds)];
  if (!wanted.every(isUuid)) return Promise.resolve(fail("UNKNOWN_PRODUCT"));
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId,
      actor: input.actor,
      attempted: "set-default-products",
      targetType: "workspace",
      targetId: workspaceId,
    });
    if (refused) return refused;
    const rows = await tx
      .select({ id: products.id, key: products.key, isDefault: products.isDefault })
      .from(products)
      .where(eq(products.workspaceId, workspaceId))
      .orderBy(asc(products.key))
      .for("update");
    const known = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0) return fail("UNKNOWN_PRODUCT", { ids: missing });
    const chosen = new Set(wanted);
    const before = rows.filter((r) => r.isDefault).map((r) => r.key);
    const after = rows.filter((r) => chosen.has(r.id)).map((r) => r.key);
    const changed = rows.some((r) => r.isDefault !== chosen.has(r.id));
    if (changed) {
      const scope = eq(products.workspaceId, workspaceId);
      await tx.update(products).set({ isDefault: false }).where(scope);
      if (wanted.length > 0)
        await tx
          .update(products)
          .set({ isDefault: true })
          .where(and(scope, inArray(products.id, wanted)));
      await writeAudit(tx, workspaceId, input.actor, now, [
        {
          action: "catalog.defaults_set",
          targetType: "workspace",
          targetId: workspaceId,
          before: { defaults: before },
          after: { defaults: after },
        },
      ]);
    }
    return { ok: true as const, defaults: after, changed };
  });
}

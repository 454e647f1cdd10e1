import type { Database } from "../db/client.ts";
import type { Actor } from "../licensing/actor.ts";
import type { Clock } from "../licensing/clock.ts";
import { inTransaction } from "../licensing/outcome.ts";
import type { ServicePlanTable } from "./microsoft365/service-plan-table.ts";
import type { TenantPort } from "./tenant-port.ts";
import {
  recordOutsideSeats,
  type WriteTenantProductsOutcome,
  writeTenantProducts,
} from "./write-tenant-products.ts";

export { keyOf, type SkippedTenantProduct } from "./write-tenant-products.ts";

export type ImportTenantProductsOutcome = WriteTenantProductsOutcome;

/**
 * Takes the tenant's products into License Desk (rule 13): read from the tenant first, then
 * written in one transaction with their audit rows (see `writeTenantProducts`), the seats the
 * tenant gave to people License Desk does not hold them for counted as taken.
 */
export async function importTenantProducts(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor; tenant: TenantPort; plans: ServicePlanTable },
): Promise<ImportTenantProductsOutcome> {
  // Read before the transaction opens: no row stays locked while the tenant answers.
  const products = await input.tenant.readProducts();
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const written = await writeTenantProducts(tx, now, { ...input, products });
    if (written.ok) await recordOutsideSeats(tx, input.workspaceId, products);
    return written;
  });
}

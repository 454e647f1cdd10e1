import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readServicePlanTable, type ServicePlanTable } from "./service-plan-table.ts";

let shipped: ServicePlanTable | undefined;

/** Microsoft's product and plan names as shipped with License Desk (db/seed), read once per process. */
export function shippedServicePlans(): ServicePlanTable {
  shipped ??= readServicePlanTable(shippedTablePath());
  return shipped;
}

/**
 * The table's file, found above this module wherever it runs from: the sources, or a bundle in
 * dist/, whose own path is one directory deep instead of three.
 */
function shippedTablePath(): string {
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "db", "seed", "microsoft365-service-plans.csv");
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error(`no db/seed/microsoft365-service-plans.csv above ${from}`);
  }
}

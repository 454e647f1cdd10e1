import { fileURLToPath } from "node:url";
import { readServicePlanTable, type ServicePlanTable } from "./service-plan-table.ts";

let shipped: ServicePlanTable | undefined;

/** Microsoft's product and plan names as shipped with License Desk (db/seed), read once per process. */
export function shippedServicePlans(): ServicePlanTable {
  shipped ??= readServicePlanTable(
    fileURLToPath(new URL("../../../db/seed/microsoft365-service-plans.csv", import.meta.url)),
  );
  return shipped;
}

import { GraphError } from "../graph/graph-error.ts";
import type { ServicePlanTable } from "../tenants/microsoft365/service-plan-table.ts";
import type { TenantPort } from "../tenants/tenant-port.ts";

/**
 * What an admin trying their Microsoft 365 credentials needs to see: that sign-in works, which
 * products and how many seats License Desk would find, and who it could not license directly.
 * It only reads: nothing in the tenant changes. Returns the lines to print and the exit code.
 */
export async function checkTenant(
  tenant: TenantPort,
  plans: ServicePlanTable,
): Promise<{ code: number; lines: string[] }> {
  try {
    const products = await tenant.readProducts();
    const people = await tenant.readPeople();
    const withoutLocation = people.filter((p) => p.usageLocation === null).length;
    const fromGroups = people.filter((p) => p.licenses.some((l) => l.groupId !== null)).length;
    return {
      code: 0,
      lines: [
        `Products people can be given: ${products.length}`,
        ...products.map(
          (p) =>
            `  ${plans.productName(p.id) ?? p.partNumber} (${p.partNumber}): ${Math.max(0, p.seats - p.taken)} of ${p.seats} available${p.status === "enabled" ? "" : `, ${p.status}`}`,
        ),
        `People: ${people.length}`,
        `  without a usage location (no license can be assigned to them directly): ${withoutLocation}`,
        `  with a license from a group (not removable from License Desk): ${fromGroups}`,
        "Nothing was changed in the tenant.",
      ],
    };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return {
      code: 1,
      lines: [`Microsoft 365 refused: ${error.graphCode}: ${error.graphMessage}`, ...hintFor(error)],
    };
  }
}

function hintFor(error: GraphError): string[] {
  if (error.status === 403) {
    return [
      "The app registration needs the application permissions User.Read.All and LicenseAssignment.Read.All",
      "(or LicenseAssignment.ReadWrite.All), with an administrator's consent.",
    ];
  }
  if (error.status === 401) {
    return ["Check M365_TENANT_ID, M365_CLIENT_ID and the secret or certificate of the app registration."];
  }
  return [];
}

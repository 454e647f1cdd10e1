import type { LicenseChange } from "../tenant-port.ts";
import type { ClaimedOperation } from "./claim-tenant-operations.ts";

/** A change for the tenant and the operations it makes. */
export interface PlannedChange {
  change: LicenseChange;
  operations: ClaimedOperation[];
}

/**
 * One change per person: the tenant takes a person's additions and removals in one call, so a
 * bulk replace costs one call per person, not two. A person or product the tenant does not know
 * (not matched, or not the tenant's) cannot be sent: those come back in `unsendable`.
 */
export function changesPerPerson(operations: ClaimedOperation[]): {
  planned: PlannedChange[];
  unsendable: ClaimedOperation[];
} {
  const byPerson = new Map<string, PlannedChange>();
  const unsendable: ClaimedOperation[] = [];
  for (const operation of operations) {
    const { tenantPersonId, tenantProductId } = operation;
    if (!tenantPersonId || !tenantProductId) {
      unsendable.push(operation);
      continue;
    }
    let planned = byPerson.get(tenantPersonId);
    if (!planned) {
      planned = { change: { personId: tenantPersonId, add: [], remove: [] }, operations: [] };
      byPerson.set(tenantPersonId, planned);
    }
    if (operation.action === "add") planned.change.add.push({ productId: tenantProductId });
    else planned.change.remove.push(tenantProductId);
    planned.operations.push(operation);
  }
  return { planned: [...byPerson.values()], unsendable };
}

/** The same operations one change each, so that each gets its own answer from the tenant. */
export function oneChangeEach(planned: PlannedChange): PlannedChange[] {
  return planned.operations.map((operation) => changesPerPerson([operation]).planned[0] as PlannedChange);
}

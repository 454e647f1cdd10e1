import { and, eq, isNotNull } from "drizzle-orm";
import { people, serviceData, servicePlans } from "../db/schema/index.ts";
import { type Failure, fail, isUuid, type Tx } from "./outcome.ts";

export interface InstallableService {
  personId: string;
  servicePlanId: string;
  limit: number;
}

/**
 * The person's active Office service of a product, row-locked so that concurrent installs on the
 * same person count against the limit one at a time.
 */
export async function lockInstallableService(
  tx: Tx,
  input: { workspaceId: string; personId: string; productId: string },
): Promise<InstallableService | Failure<"NO_INSTALLABLE_SERVICE">> {
  if (!isUuid(input.personId) || !isUuid(input.productId)) return fail("NO_INSTALLABLE_SERVICE");
  const [row] = await tx
    .select({ servicePlanId: serviceData.servicePlanId, limit: servicePlans.installLimit })
    .from(serviceData)
    .innerJoin(servicePlans, eq(servicePlans.id, serviceData.servicePlanId))
    .innerJoin(people, eq(people.id, serviceData.personId))
    .where(
      and(
        eq(serviceData.workspaceId, input.workspaceId),
        eq(serviceData.personId, input.personId),
        eq(servicePlans.productId, input.productId),
        eq(serviceData.status, "active"),
        isNotNull(servicePlans.installLimit),
      ),
    )
    .limit(1)
    .for("update", { of: serviceData });
  if (!row || row.limit === null) return fail("NO_INSTALLABLE_SERVICE");
  return { personId: input.personId, servicePlanId: row.servicePlanId, limit: row.limit };
}

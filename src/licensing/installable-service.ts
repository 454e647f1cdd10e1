import { and, eq, isNotNull } from "drizzle-orm";
import { people, productServices, serviceData, services } from "../db/schema/index.ts";
import { type Failure, fail, isUuid, type Tx } from "./outcome.ts";

export interface InstallableService {
  personId: string;
  serviceId: string;
  limit: number;
}

/**
 * The person's active Office service that a product carries (the installs belong to the service,
 * shared by every product that carries it), row-locked so that concurrent installs on the
 * same person count against the limit one at a time.
 */
export async function lockInstallableService(
  tx: Tx,
  input: { workspaceId: string; personId: string; productId: string },
): Promise<InstallableService | Failure<"NO_INSTALLABLE_SERVICE">> {
  if (!isUuid(input.personId) || !isUuid(input.productId)) return fail("NO_INSTALLABLE_SERVICE");
  const [row] = await tx
    .select({ serviceId: serviceData.serviceId, limit: services.installLimit })
    .from(serviceData)
    .innerJoin(services, eq(services.id, serviceData.serviceId))
    .innerJoin(productServices, eq(productServices.serviceId, serviceData.serviceId))
    .innerJoin(people, eq(people.id, serviceData.personId))
    .where(
      and(
        eq(serviceData.workspaceId, input.workspaceId),
        eq(serviceData.personId, input.personId),
        eq(productServices.productId, input.productId),
        eq(serviceData.status, "active"),
        isNotNull(services.installLimit),
      ),
    )
    .limit(1)
    .for("update", { of: serviceData });
  if (!row || row.limit === null) return fail("NO_INSTALLABLE_SERVICE");
  return { personId: input.personId, serviceId: row.serviceId, limit: row.limit };
}

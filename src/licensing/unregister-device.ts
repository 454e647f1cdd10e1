import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { deviceInstalls } from "../db/schema/index.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { lockInstallableService } from "./installable-service.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import type { DeviceInput } from "./register-device.ts";

export type UnregisterDeviceOutcome =
  | { ok: true }
  | Failure<"NOT_ALLOWED" | "NO_INSTALLABLE_SERVICE" | "UNKNOWN_DEVICE">;

/** Frees one of the person's install slots. */
export function unregisterDevice(
  db: Database,
  clock: Clock,
  input: DeviceInput,
): Promise<UnregisterDeviceOutcome> {
  const now = clock.now();
  const deviceName = input.deviceName.trim();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "unregister-device",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    const service = await lockInstallableService(tx, input);
    if ("ok" in service) return service;
    const [removed] = await tx
      .delete(deviceInstalls)
      .where(
        and(
          eq(deviceInstalls.personId, service.personId),
          eq(deviceInstalls.serviceId, service.serviceId),
          eq(deviceInstalls.deviceName, deviceName),
        ),
      )
      .returning({ id: deviceInstalls.id });
    if (!removed) return fail("UNKNOWN_DEVICE");
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "device.unregistered",
        targetType: "device_install",
        targetId: removed.id,
        before: { personId: input.personId, productId: input.productId, deviceName },
      },
    ]);
    return { ok: true as const };
  });
}

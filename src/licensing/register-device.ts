import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { deviceInstalls } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { lockInstallableService } from "./installable-service.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { type Failure, fail, inTransaction } from "./outcome.ts";
import { fitsCharacters, wellFormed } from "./text.ts";

/** A device name is a label in lists and warnings, never a document. */
export const MAX_DEVICE_NAME_LENGTH = 100;

export interface DeviceInput {
  workspaceId: string;
  personId: string;
  productId: string;
  deviceName: string;
  actor: Actor;
}

export type RegisterDeviceOutcome =
  | { ok: true; deviceId: string; devices: string[]; limit: number }
  | Failure<"NOT_ALLOWED" | "NO_INSTALLABLE_SERVICE" | "DEVICE_ALREADY_REGISTERED" | "TEXT_TOO_LONG">
  | Failure<"DEVICE_LIMIT_REACHED">;

/** Rule 3: Office installs on up to the service's limit (5) of Macs or PCs; one more waits for a removal. */
export function registerDevice(
  db: Database,
  clock: Clock,
  input: DeviceInput,
): Promise<RegisterDeviceOutcome> {
  const now = clock.now();
  const deviceName = wellFormed(input.deviceName).trim();
  if (!fitsCharacters(deviceName, MAX_DEVICE_NAME_LENGTH)) {
    return Promise.resolve(fail("TEXT_TOO_LONG", { field: "device_name", max: MAX_DEVICE_NAME_LENGTH }));
  }
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "register-device",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    const service = await lockInstallableService(tx, input);
    if ("ok" in service) return service;
    const installed = await tx
      .select({ name: deviceInstalls.deviceName })
      .from(deviceInstalls)
      .where(
        and(eq(deviceInstalls.personId, service.personId), eq(deviceInstalls.serviceId, service.serviceId)),
      )
      .orderBy(asc(deviceInstalls.installedAt));
    const devices = installed.map((d) => d.name);
    if (devices.includes(deviceName)) return fail("DEVICE_ALREADY_REGISTERED");
    if (devices.length >= service.limit)
      return fail("DEVICE_LIMIT_REACHED", { limit: service.limit, devices });
    const [device] = await tx
      .insert(deviceInstalls)
      .values({
        workspaceId: input.workspaceId,
        personId: service.personId,
        serviceId: service.serviceId,
        deviceName,
        installedAt: now,
      })
      .returning({ id: deviceInstalls.id });
    if (!device) throw new Error("device insert returned no row");
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "device.registered",
        targetType: "device_install",
        targetId: device.id,
        after: { personId: input.personId, productId: input.productId, deviceName },
      },
    ]);
    return {
      ok: true as const,
      deviceId: device.id,
      devices: [...devices, deviceName],
      limit: service.limit,
    };
  });
}

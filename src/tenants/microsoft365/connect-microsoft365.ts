import type { Microsoft365Config } from "../../config.ts";
import type { TenantPort } from "../tenant-port.ts";
import { signInTenant } from "./sign-in-tenant.ts";

/** The tenant named by the M365_* settings, signed in as the app. */
export function connectMicrosoft365(config: Microsoft365Config): TenantPort {
  return signInTenant(config).port;
}

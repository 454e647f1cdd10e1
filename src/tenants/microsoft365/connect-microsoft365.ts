import type { Microsoft365Config } from "../../config.ts";
import { appAccessToken } from "../../graph/app-sign-in.ts";
import { createGraphClient } from "../../graph/graph-client.ts";
import type { TenantPort } from "../tenant-port.ts";
import { microsoft365Tenant } from "./microsoft365-tenant.ts";

/** The tenant named by the M365_* settings, signed in as the app. */
export function connectMicrosoft365(config: Microsoft365Config): TenantPort {
  const accessToken = appAccessToken(config);
  return microsoft365Tenant(createGraphClient({ baseUrl: config.graphUrl, accessToken }));
}

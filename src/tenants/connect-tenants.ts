import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createTokenCipher } from "../secrets/token-cipher.ts";
import { createTenantConnections, type TenantConnections } from "./tenant-connections.ts";

/**
 * Each workspace's tenant, as the settings allow: a connection stored from App Home (its secret
 * sealed with TOKEN_ENCRYPTION_KEY, on the cloud M365_GRAPH_URL and M365_LOGIN_URL name), or the
 * M365_* settings' own tenant for a workspace connected with them.
 */
export function connectTenants(config: Config, db: Database): TenantConnections {
  return createTenantConnections({
    db,
    cloud: config.microsoft365Cloud,
    ...(config.microsoft365 ? { settings: config.microsoft365 } : {}),
    ...(config.tokenKeys ? { cipher: createTokenCipher(config.tokenKeys) } : {}),
  });
}

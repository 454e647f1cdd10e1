import type { TenantRefusal } from "../../tenants/tenant-port.ts";
import type { Catalog } from "./catalogs.ts";
import { escapeMrkdwn } from "./format.ts";

/** The tenant's reason in plain words; its own words when it gave one no code names. */
export function tenantRefusalText(t: Catalog, reason: string, tenantMessage: string | null): string {
  switch (reason as TenantRefusal) {
    case "NO_USAGE_LOCATION":
    case "NO_SEATS_LEFT":
    case "UNKNOWN_PRODUCT":
    case "UNKNOWN_PERSON":
    case "INHERITED_FROM_GROUP":
    case "MUTUALLY_EXCLUSIVE":
    case "DEPENDENCY_MISSING":
    case "NOT_HELD":
    case "NOT_CONNECTED":
      return t[`tenant.refusal.${reason as Exclude<TenantRefusal, "OTHER">}`]();
    default:
      return t["tenant.refusal.OTHER"]({ message: escapeMrkdwn(tenantMessage ?? reason) });
  }
}

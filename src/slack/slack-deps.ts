import type { ConnectionCounts, Database } from "../db/client.ts";
import type { Clock } from "../licensing/clock.ts";
import type { TenantConnections } from "../tenants/tenant-connections.ts";
import type { TenantResolver } from "../tenants/tenant-port.ts";
import type { AppLogger } from "./shared/logger.ts";

/** What every Slack listener is given; its own file, so that listeners and the app that registers them do not import each other. */
export interface SlackDeps {
  db: Database;
  clock: Clock;
  logger: AppLogger;
  /** Where license requests go for approval (a channel id); each admin's DM when unset. */
  approvalsChannel?: string;
  /** The pool's counts, shown by /healthz: a connection checked out for good shows there. */
  connections?: () => ConnectionCounts;
  /** The tenant each workspace is connected to; left out, License Desk is every workspace's record. */
  tenants?: TenantResolver;
  /**
   * Connecting a workspace to its tenant from App Home and `/license tenant`; the same connections
   * `tenants` resolves. Left out, those say Microsoft 365 is not set up for this installation.
   */
  tenantConnections?: TenantConnections;
}

import type { Database } from "../db/client.ts";
import type { Actor } from "../licensing/actor.ts";
import type { TenantSignInProblem } from "../licensing/failure-details.ts";
import { mayAdminister } from "../licensing/may-administer.ts";
import { inTransaction } from "../licensing/outcome.ts";
import {
  checkPermissions,
  type PermissionCheck,
  rolesInAccessToken,
} from "./microsoft365/app-permissions.ts";
import { signInProblemOf } from "./microsoft365/sign-in-tenant.ts";
import type { SignInMethod, TenantConnections } from "./tenant-connections.ts";

export interface LastSync {
  at: Date;
  /** The tenant's words when it failed; null when it worked. */
  error: string | null;
  /** What the sync found, as it recorded it. */
  summary: unknown;
}

export type TenantConnectionView =
  | { connected: false }
  /** What anyone may see: that the licenses live in the tenant, and whether the last sync worked. */
  | { connected: true; details: false; lastSync: LastSync | null }
  | {
      connected: true;
      details: true;
      tenantId: string;
      clientId: string | null;
      method: SignInMethod;
      connectedBy: string;
      connectedAt: Date;
      lastSync: LastSync | null;
      /** Each needed permission against the app's roles, or why they could not be read. */
      permissions:
        | { read: true; checks: PermissionCheck[] }
        | { read: false; problem: TenantSignInProblem; tenantMessage: string };
    };

/**
 * The workspace's tenant connection for `/license tenant`: anyone may see that there is one and how
 * the last sync went; an admin sees the tenant, the app, how it signs in, and the permissions its
 * access token carries (signing in to read them), compared with those License Desk needs.
 */
export async function readTenantConnection(
  db: Database,
  connections: TenantConnections,
  input: { workspaceId: string; actor: Actor },
): Promise<TenantConnectionView> {
  let signedIn: Awaited<ReturnType<TenantConnections["signedIn"]>>;
  try {
    signedIn = await connections.signedIn(input.workspaceId);
  } catch (error) {
    // A connection that cannot sign in (its settings gone, its key rotated away) is still one.
    const row = await connections.connectionOf(input.workspaceId);
    if (!row) throw error;
    const admin = await inTransaction(db, (tx) => mayAdminister(tx, input.workspaceId, input.actor));
    const lastSync = lastSyncOf(row);
    if (!admin) return { connected: true, details: false, lastSync };
    return {
      connected: true,
      details: true,
      ...identityOf(connections, row),
      lastSync,
      permissions: {
        read: false,
        problem: "refused",
        tenantMessage: error instanceof Error ? error.message : String(error),
      },
    };
  }
  if (!signedIn) return { connected: false };
  const { connection, tenant } = signedIn;
  const lastSync = lastSyncOf(connection);
  const admin = await inTransaction(db, (tx) => mayAdminister(tx, input.workspaceId, input.actor));
  if (!admin) return { connected: true, details: false, lastSync };
  let permissions: Extract<TenantConnectionView, { details: true }>["permissions"];
  try {
    // A fresh token: a cached one names the roles of up to an hour ago, before consent changed.
    const roles = rolesInAccessToken(await tenant.accessToken({ forceRefresh: true }));
    permissions = { read: true, checks: checkPermissions(roles) };
  } catch (error) {
    permissions = {
      read: false,
      problem: signInProblemOf(error),
      tenantMessage: error instanceof Error ? error.message : String(error),
    };
  }
  return {
    connected: true,
    details: true,
    ...identityOf(connections, connection),
    lastSync,
    permissions,
  };
}

type Row = NonNullable<Awaited<ReturnType<TenantConnections["connectionOf"]>>>;

function identityOf(connections: TenantConnections, row: Row) {
  return {
    tenantId: row.tenantId,
    clientId: row.clientId,
    method: connections.methodOf(row),
    connectedBy: row.connectedBy,
    connectedAt: row.connectedAt,
  };
}

function lastSyncOf(row: Row): LastSync | null {
  return row.lastSyncAt
    ? { at: row.lastSyncAt, error: row.lastSyncError, summary: row.lastSyncSummary }
    : null;
}

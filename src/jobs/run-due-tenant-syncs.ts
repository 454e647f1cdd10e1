import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { tenantConnections, workspaces } from "../db/schema/index.ts";
import { acrossWorkspaces, withinWorkspace } from "../db/workspace-scope.ts";
import { systemActor } from "../licensing/actor.ts";
import type { Clock } from "../licensing/clock.ts";
import type { ServicePlanTable } from "../tenants/microsoft365/service-plan-table.ts";
import { type SyncTenantOutcome, syncTenant } from "../tenants/sync-tenant.ts";
import type { TenantResolver } from "../tenants/tenant-port.ts";
import type { PostgresRunCoordinator } from "./postgres-run-coordinator.ts";

/** A sync holds its claim this long; one that died leaves its hour to be claimed after it. */
export const TENANT_SYNC_LEASE_MS = 30 * 60_000;

export interface TenantSyncRun {
  workspaceId: string;
  /** The UTC hour synced, e.g. `2026-06-01T11`. */
  hour: string;
}

export interface TenantSyncRuns {
  synced: TenantSyncRun[];
  /** The tenant could not be read or its facts recorded: the reason is on the connection. */
  failed: (TenantSyncRun & { reason: string })[];
  /** Thrown before an outcome (the database): the hour is given back for the next tick. */
  crashed: (TenantSyncRun & { error: unknown })[];
}

/**
 * Syncs each connected workspace with its tenant once per UTC hour (rule 13: changes made outside
 * License Desk are picked up): one claim per workspace and hour in the same claim table as the
 * daily jobs and the directory sync, so every instance may tick and each hour's sync runs once.
 * A sync the tenant failed keeps its hour (its reason is on the connection, and hammering a
 * tenant that refuses the app's sign-in every few minutes helps nobody); one that threw gives it
 * back, for the next tick here or on another instance.
 */
export async function runDueTenantSyncs(
  db: Database,
  clock: Clock,
  coordinator: PostgresRunCoordinator,
  deps: { tenants: TenantResolver; plans: () => ServicePlanTable },
  signal: AbortSignal,
): Promise<TenantSyncRuns> {
  const runs: TenantSyncRuns = { synced: [], failed: [], crashed: [] };
  const hour = clock.now().toISOString().slice(0, 13);
  const connected = await acrossWorkspaces(() =>
    db
      .select({ workspaceId: tenantConnections.workspaceId })
      .from(tenantConnections)
      .innerJoin(workspaces, eq(workspaces.id, tenantConnections.workspaceId))
      .where(eq(workspaces.active, true))
      .orderBy(tenantConnections.workspaceId),
  );
  for (const { workspaceId } of connected) {
    if (signal.aborted) break;
    const key = `tenant-sync:${workspaceId}:${hour}`;
    if (!(await coordinator.shouldRun(key, TENANT_SYNC_LEASE_MS))) continue;
    const run = { workspaceId, hour };
    try {
      const outcome = await withinWorkspace(workspaceId, () => syncOne(db, clock, deps, workspaceId));
      await coordinator.onComplete(key);
      if (outcome.ok) runs.synced.push(run);
      else runs.failed.push({ ...run, reason: "message" in outcome ? outcome.message : outcome.code });
    } catch (error) {
      await coordinator.release(key);
      runs.crashed.push({ ...run, error });
    }
  }
  return runs;
}

async function syncOne(
  db: Database,
  clock: Clock,
  deps: { tenants: TenantResolver; plans: () => ServicePlanTable },
  workspaceId: string,
): Promise<SyncTenantOutcome> {
  const tenant = await deps.tenants(workspaceId);
  if (!tenant) return { ok: false, code: "TENANT_NOT_CONNECTED" };
  return syncTenant(db, clock, { workspaceId, actor: systemActor("tenant"), tenant, plans: deps.plans() });
}

import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { tenantConnections } from "../db/schema/index.ts";
import { type Actor, systemActor } from "../licensing/actor.ts";
import { writeAudit } from "../licensing/audit.ts";
import type { Clock } from "../licensing/clock.ts";
import { refuseUnlessAdministers } from "../licensing/may-administer.ts";
import { type Failure, inTransaction } from "../licensing/outcome.ts";
import { matchTenantPeople } from "./match-tenant-people.ts";
import type { ServicePlanTable } from "./microsoft365/service-plan-table.ts";
import { recordTenantDrift } from "./record-tenant-drift.ts";
import type { TenantChanges, TenantLicense, TenantPerson, TenantPort, TenantProduct } from "./tenant-port.ts";
import { summarizeSync, type TenantSyncSummary } from "./tenant-sync-summary.ts";
import { recordOutsideSeats, writeTenantProducts } from "./write-tenant-products.ts";

export type SyncTenantOutcome =
  | { ok: true; summary: TenantSyncSummary }
  | Failure<"NOT_ALLOWED">
  /** The workspace has no tenant connection: License Desk is its record. */
  | { ok: false; code: "TENANT_NOT_CONNECTED" }
  /** The tenant could not be read, or what it holds could not be recorded; nothing changed. */
  | { ok: false; code: "TENANT_SYNC_FAILED"; message: string };

export interface SyncTenantInput {
  workspaceId: string;
  actor: Actor;
  tenant: TenantPort;
  plans: ServicePlanTable;
}

/**
 * The sync with the tenant (rule 13), hourly and on demand: its products and seats, then who each
 * member is there and where they use services, then every matched person's licenses against
 * License Desk's record (drift), and last the seats the tenant gave to people License Desk does
 * not know. Everything is read from the tenant first, then written in one transaction with its
 * audit rows, so no row stays locked while the tenant answers and a sync that fails changes
 * nothing but the connection's last error.
 *
 * Licenses are read in full every time: users/delta does not report licenseAssignmentStates, nor
 * a person gaining or losing a license through a group they were already in, so reading only the
 * people delta names would miss those. For the small companies License Desk serves (the seed is
 * the Small Business page, up to 300 people) the full read is one page of 999 users; delta is
 * still followed, with the stored cursor, for what it alone says: who was deleted.
 */
export async function syncTenant(
  db: Database,
  clock: Clock,
  input: SyncTenantInput,
): Promise<SyncTenantOutcome> {
  const { workspaceId, actor } = input;
  const start = clock.now();
  const gate = await inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, start, {
      workspaceId,
      actor,
      attempted: "sync-tenant",
      targetType: "workspace",
      targetId: workspaceId,
    });
    if (refused) return refused;
    const [connection] = await tx
      .select({ cursor: tenantConnections.deltaCursor })
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, workspaceId));
    return connection ? { ok: true as const, cursor: connection.cursor } : null;
  });
  if (gate === null) return { ok: false, code: "TENANT_NOT_CONNECTED" };
  if (!gate.ok) return gate;

  let read: { products: TenantProduct[]; people: TenantPerson[]; changes: TenantChanges };
  try {
    read = await readTenant(input.tenant, gate.cursor);
  } catch (error) {
    return recordFailure(db, clock, workspaceId, error);
  }
  const now = clock.now();
  // What the tenant's facts change is recorded as the tenant's doing (source "tenant"), whoever
  // asked for the sync; the sync itself is recorded as theirs.
  const fromTenant = systemActor("tenant", actor.requestId);
  try {
    const outcome = await inTransaction(db, async (tx) => {
      const products = await writeTenantProducts(tx, now, {
        ...input,
        actor: fromTenant,
        products: read.products,
      });
      if (!products.ok) return products;
      const people = await matchTenantPeople(tx, now, fromTenant, { workspaceId, tenantPeople: read.people });
      const deleted = new Set(
        read.changes.changes.flatMap((c) => (c.kind === "removed" ? [c.personId] : [])),
      );
      const holdings = new Map<string, TenantLicense[]>();
      for (const [personId, person] of people.matched) holdings.set(personId, person.licenses);
      for (const member of people.members.values()) {
        // Deleted in the tenant: whatever they held there is gone with them.
        if (
          !holdings.has(member.id) &&
          member.previousTenantPersonId &&
          deleted.has(member.previousTenantPersonId)
        ) {
          holdings.set(member.id, []);
        }
      }
      const drift = await recordTenantDrift(tx, now, fromTenant, {
        workspaceId,
        members: people.members,
        holdings,
      });
      const outside = await recordOutsideSeats(tx, workspaceId, read.products);
      const summary = summarizeSync({
        at: now,
        products,
        people,
        drift,
        outside,
        changedInTenant: read.changes.changes.length,
      });
      await tx
        .update(tenantConnections)
        .set({
          deltaCursor: read.changes.cursor,
          lastSyncAt: now,
          lastSyncError: null,
          lastSyncSummary: summary,
        })
        .where(eq(tenantConnections.workspaceId, workspaceId));
      await writeAudit(tx, workspaceId, actor, now, [
        {
          action: "tenant.synced",
          targetType: "workspace",
          targetId: workspaceId,
          after: {
            added: summary.licenses.added.length,
            removed: summary.licenses.removed.length,
            matched: summary.people.matched,
            unmatchedMembers: summary.people.unmatchedMembers.count,
            unmatchedTenantUsers: summary.people.unmatchedTenantUsers.count,
          },
        },
      ]);
      return { ok: true as const, summary };
    });
    if (outcome.ok) return outcome;
    if (outcome.code === "NOT_ALLOWED") return outcome;
    return recordFailure(db, clock, workspaceId, new Error(outcome.errors.join("; ")));
  } catch (error) {
    return recordFailure(db, clock, workspaceId, error);
  }
}

async function readTenant(
  tenant: TenantPort,
  cursor: string | null,
): Promise<{ products: TenantProduct[]; people: TenantPerson[]; changes: TenantChanges }> {
  const products = await tenant.readProducts();
  let changes: TenantChanges;
  try {
    changes = await tenant.readChangesSince(cursor);
  } catch (error) {
    // A cursor the tenant no longer honours (Graph lets delta links expire) starts over from the
    // beginning; with no cursor to blame, the error stands.
    if (cursor === null) throw error;
    changes = await tenant.readChangesSince(null);
  }
  const people = await tenant.readPeople();
  return { products, people, changes };
}

/** The connection keeps why the sync failed, for `/license tenant` and the next admin who asks. */
async function recordFailure(
  db: Database,
  clock: Clock,
  workspaceId: string,
  error: unknown,
): Promise<SyncTenantOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  await db
    .update(tenantConnections)
    .set({ lastSyncAt: clock.now(), lastSyncError: message.slice(0, 2000) })
    .where(sql`${tenantConnections.workspaceId} = ${workspaceId}`);
  return { ok: false, code: "TENANT_SYNC_FAILED", message };
}

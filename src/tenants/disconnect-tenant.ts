import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { tenantConnections } from "../db/schema/index.ts";
import type { Actor } from "../licensing/actor.ts";
import { writeAudit } from "../licensing/audit.ts";
import type { Clock } from "../licensing/clock.ts";
import { refuseUnlessAdministers } from "../licensing/may-administer.ts";
import { type Failure, fail, inTransaction } from "../licensing/outcome.ts";

export type DisconnectTenantOutcome =
  | { ok: true; tenantId: string; clientId: string | null }
  | Failure<"NOT_ALLOWED" | "TENANT_NOT_CONNECTED">;

/**
 * Disconnects the workspace from its tenant: License Desk is the record again. The row goes, its
 * sealed secret with it; the audit row keeps which tenant and app it was, never the secret.
 */
export function disconnectTenant(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor },
): Promise<DisconnectTenantOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "disconnect-tenant",
      targetType: "workspace",
      targetId: input.workspaceId,
    });
    if (refused) return refused;
    const [removed] = await tx
      .delete(tenantConnections)
      .where(eq(tenantConnections.workspaceId, input.workspaceId))
      .returning({ tenantId: tenantConnections.tenantId, clientId: tenantConnections.clientId });
    if (!removed) return fail("TENANT_NOT_CONNECTED");
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "tenant.disconnected",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: removed,
      },
    ]);
    return { ok: true as const, tenantId: removed.tenantId, clientId: removed.clientId };
  });
}

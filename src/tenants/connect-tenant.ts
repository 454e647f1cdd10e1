import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { tenantConnections } from "../db/schema/index.ts";
import type { Actor } from "../licensing/actor.ts";
import { writeAudit } from "../licensing/audit.ts";
import type { Clock } from "../licensing/clock.ts";
import { refuseUnlessAdministers } from "../licensing/may-administer.ts";
import { type Failure, fail, inTransaction } from "../licensing/outcome.ts";
import type { Attempt } from "../licensing/record-refusal.ts";
import { proveApp } from "./microsoft365/sign-in-tenant.ts";
import { readTenantApp, type TenantAppInput } from "./tenant-app-input.ts";
import type { SignInMethod, TenantConnections } from "./tenant-connections.ts";

export type ConnectTenantInput = {
  workspaceId: string;
  actor: Actor;
  /** An app registration typed in App Home (its secret stored sealed), or the M365_* settings' one. */
  app: ({ kind: "entered" } & TenantAppInput) | { kind: "settings" };
};

export type ConnectTenantOutcome =
  | {
      ok: true;
      tenantId: string;
      clientId: string;
      method: SignInMethod;
      /** The tenant's products read to prove it, and the app's roles. */
      products: number;
      roles: string[];
      /** The connection it replaced, if any. */
      before: { tenantId: string; clientId: string | null } | null;
    }
  | Failure<
      | "NOT_ALLOWED"
      | "INVALID_TENANT_APP"
      | "SECRET_NOT_STORABLE"
      | "NO_TENANT_SETTINGS"
      | "TENANT_NOT_PROVEN"
    >;

/**
 * Connects the workspace to its Microsoft 365 tenant (rule 13): admins only; the app registration
 * is proven first (it signs in, reads the products, holds the permissions License Desk needs), and
 * only then stored, with its audit row, in one transaction. A typed secret is stored sealed, never
 * in the clear; with the settings nothing secret is stored.
 */
export async function connectTenant(
  db: Database,
  clock: Clock,
  connections: TenantConnections,
  input: ConnectTenantInput,
): Promise<ConnectTenantOutcome> {
  const attempt: Attempt = {
    workspaceId: input.workspaceId,
    actor: input.actor,
    attempted: "connect-tenant",
    targetType: "workspace",
    targetId: input.workspaceId,
  };
  // Rule 10 before anything is sent to Microsoft: a member must not get to try secrets on a tenant.
  const early = await inTransaction(db, (tx) => refuseUnlessAdministers(tx, clock.now(), attempt));
  if (early) return early;

  let app: { tenantId: string; clientId: string; sealed: string | null };
  let tenant: ReturnType<TenantConnections["signInWith"]>;
  if (input.app.kind === "settings") {
    const settings = connections.settings;
    const signedIn = connections.signInWithSettings();
    if (!settings || !signedIn) return fail("NO_TENANT_SETTINGS");
    app = { tenantId: settings.tenantId, clientId: settings.clientId, sealed: null };
    tenant = signedIn;
  } else {
    const read = readTenantApp(input.app);
    if (!read.ok) return fail("INVALID_TENANT_APP", { fields: read.fields });
    if (!connections.sealsSecrets) return fail("SECRET_NOT_STORABLE");
    tenant = connections.signInWith(read.app);
    app = {
      tenantId: read.app.tenantId,
      clientId: read.app.clientId,
      sealed: connections.seal(input.workspaceId, read.app.secret),
    };
  }
  const proof = await proveApp(tenant);
  if (!proof.ok) {
    return fail("TENANT_NOT_PROVEN", {
      problem: proof.problem,
      missing: proof.missing,
      tenantMessage: proof.tenantMessage,
    });
  }

  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, attempt);
    if (refused) return refused;
    const where = eq(tenantConnections.workspaceId, input.workspaceId);
    const [current] = await tx
      .select({ tenantId: tenantConnections.tenantId, clientId: tenantConnections.clientId })
      .from(tenantConnections)
      .where(where)
      .for("update");
    const connection = {
      kind: "microsoft365",
      tenantId: app.tenantId,
      clientId: app.clientId,
      clientSecretEncrypted: app.sealed,
      connectedBy: input.actor.userId,
      connectedAt: now,
    };
    // Another tenant's sync state means nothing here: its delta link and last sync go with it.
    const freshSync =
      current?.tenantId === app.tenantId
        ? {}
        : { deltaCursor: null, lastSyncAt: null, lastSyncError: null, lastSyncSummary: null };
    await tx
      .insert(tenantConnections)
      .values({ workspaceId: input.workspaceId, ...connection })
      .onConflictDoUpdate({ target: tenantConnections.workspaceId, set: { ...connection, ...freshSync } });
    const method: SignInMethod =
      app.sealed !== null ? "stored_secret" : (connections.settingsMethod ?? "settings_secret");
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "tenant.connected",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: current ?? null,
        after: { tenantId: app.tenantId, clientId: app.clientId, method, roles: proof.roles },
      },
    ]);
    return {
      ok: true as const,
      tenantId: app.tenantId,
      clientId: app.clientId,
      method,
      products: proof.products,
      roles: proof.roles,
      before: current ?? null,
    };
  });
}

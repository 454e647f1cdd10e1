import { randomUUID } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { assignments, people, products, tenantConnections, tenantOperations } from "../db/schema/index.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import type { Clock } from "../licensing/clock.ts";
import type { LocalGraph, LocalSku, LocalUser } from "../local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../tenants/microsoft365/connect-microsoft365.ts";
import { applyTenantOperations } from "../tenants/operations/apply-tenant-operations.ts";
import type { TenantResolver } from "../tenants/tenant-port.ts";

/** Who connected the workspace, as the connection records it: the demo, not an admin. */
const DEMO = "demo";

export interface DemoSku extends Omit<LocalSku, "prepaidUnits"> {
  /** Microsoft's name for the product, as its service-plan table gives it. */
  productName: string;
}

/**
 * The example catalog's products as Microsoft sells them: ids, part numbers and service plans
 * copied from Microsoft's service-plan table (db/seed/microsoft365-service-plans.csv; a test
 * keeps them in step). Copied rather than read, so that the built console needs no file beside it.
 */
export const DEMO_SKUS: Readonly<Record<string, DemoSku>> = {
  office: {
    productName: "Office 365 Small Business Premium",
    skuId: "fc14ec4a-4169-49a4-a51e-2c852931814b",
    skuPartNumber: "LITEPACK_P2",
    servicePlans: [
      { servicePlanId: "d42bdbd6-c335-4231-ab3d-c8f348d5aff5", servicePlanName: "EXCHANGE_L_STANDARD" },
      { servicePlanId: "70710b6b-3ab4-4a38-9f6d-9f169461650a", servicePlanName: "MCOLITE" },
      {
        servicePlanId: "8ca59559-e2ca-470b-b7dd-afd8c0dee963",
        servicePlanName: "OFFICE_PRO_PLUS_SUBSCRIPTION_SMBIZ",
      },
      { servicePlanId: "a1f3d0a8-84c0-4ae0-bae4-685917b8ab48", servicePlanName: "SHAREPOINTLITE" },
      { servicePlanId: "a23b959c-7ce8-4e57-9140-b90eb88a9e97", servicePlanName: "SWAY" },
    ],
  },
  "office-sb": {
    productName: "Office 365 Small Business",
    skuId: "bd09678e-b83c-4d3f-aaba-3dad4abd128b",
    skuPartNumber: "LITEPACK",
    servicePlans: [
      { servicePlanId: "d42bdbd6-c335-4231-ab3d-c8f348d5aff5", servicePlanName: "EXCHANGE_L_STANDARD" },
      { servicePlanId: "70710b6b-3ab4-4a38-9f6d-9f169461650a", servicePlanName: "MCOLITE" },
      { servicePlanId: "a1f3d0a8-84c0-4ae0-bae4-685917b8ab48", servicePlanName: "SHAREPOINTLITE" },
      { servicePlanId: "a23b959c-7ce8-4e57-9140-b90eb88a9e97", servicePlanName: "SWAY" },
    ],
  },
  "exchange-p1": {
    productName: "Exchange Online (Plan 1)",
    skuId: "4b9405b0-7788-4568-add1-99614e613b69",
    skuPartNumber: "EXCHANGESTANDARD",
    servicePlans: [
      { servicePlanId: "5e62787c-c316-451f-b873-1d05acd4d12c", servicePlanName: "BPOS_S_TODO_1" },
      { servicePlanId: "9aaf7827-d63c-4b61-89c3-182f06f82e5c", servicePlanName: "EXCHANGE_S_STANDARD" },
      { servicePlanId: "882e1d05-acd1-4ccb-8708-6ee03664b117", servicePlanName: "INTUNE_O365" },
    ],
  },
  "sharepoint-p1": {
    productName: "SharePoint Online (Plan 1)",
    skuId: "1fc08a02-8b3d-43b9-831e-f76859e04e1a",
    skuPartNumber: "SHAREPOINTSTANDARD",
    servicePlans: [
      { servicePlanId: "c7699d2e-19aa-44de-8edf-1736da088ca1", servicePlanName: "SHAREPOINTSTANDARD" },
    ],
  },
  "lync-p2": {
    productName: "Skype for Business Online (Plan 2)",
    skuId: "d42c793f-6c78-4f43-92ca-e8f6a02b035f",
    skuPartNumber: "MCOSTANDARD",
    servicePlans: [{ servicePlanId: "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", servicePlanName: "MCOSTANDARD" }],
  },
};

/**
 * Someone the tenant has and Slack does not: the front desk's shared account, holding an Office 365
 * Small Business seat. The tenant has one such seat fewer than License Desk counts, as a real
 * tenant differs from a ledger kept by hand (until the sync reads its seats), so the fifth
 * assignment of it is refused there: no licenses left.
 */
export const TENANT_ONLY_USER: LocalUser = {
  id: "7e4a0c1d-5b9e-4f0a-9c3d-000000000001",
  displayName: "Reception",
  mail: "reception@example.com",
  userPrincipalName: "reception@example.com",
  usageLocation: "SE",
  licenses: [{ skuId: (DEMO_SKUS["office-sb"] as DemoSku).skuId }],
};

/**
 * Connects the demo workspace to a demo Microsoft 365 tenant in the Graph stand-in: the tenant is
 * built from the workspace as it is now (each catalog product a SKU with the workspace's seats,
 * each member with an email a tenant user with the same email, usage location and licenses, plus
 * one account not in Slack), and the workspace gets its connection and the tenant's ids for its
 * products and people. A real workspace gets those ids from the sync, which imports the tenant's
 * products and matches people by email; the demo knows them because it made the tenant.
 * Returns the resolver the app is given: this workspace's licenses live in that tenant.
 */
export async function connectDemoTenant(
  db: Database,
  workspaceId: string,
  graph: LocalGraph,
): Promise<TenantResolver> {
  await withinWorkspace(workspaceId, () =>
    db.transaction(async (tx) => {
      const catalog = await tx
        .select({ id: products.id, key: products.key, seats: products.purchasedSeats })
        .from(products)
        .where(eq(products.workspaceId, workspaceId));
      const skuOf = new Map<string, string>();
      for (const product of catalog) {
        const sku = DEMO_SKUS[product.key];
        if (!sku) continue;
        const { productName: _, ...local } = sku;
        graph.tenant.addSku({ ...local, prepaidUnits: { enabled: product.seats } });
        skuOf.set(product.id, sku.skuId);
        await tx.update(products).set({ tenantProductId: sku.skuId }).where(eq(products.id, product.id));
      }
      const members = await tx
        .select({
          id: people.id,
          name: people.name,
          email: people.email,
          usageLocation: people.usageLocation,
          tenantPersonId: people.tenantPersonId,
        })
        .from(people)
        .where(and(eq(people.workspaceId, workspaceId), isNotNull(people.email)));
      const held = await tx
        .select({ personId: assignments.personId, productId: assignments.productId })
        .from(assignments)
        .where(eq(assignments.workspaceId, workspaceId));
      for (const member of members) {
        // Kept across starts: the tenant is made again each time, its users with the same ids.
        const tenantPersonId = member.tenantPersonId ?? randomUUID();
        graph.tenant.addUser({
          id: tenantPersonId,
          displayName: member.name,
          mail: member.email,
          userPrincipalName: member.email ?? "",
          usageLocation: member.usageLocation,
          licenses: held
            .filter((a) => a.personId === member.id && skuOf.has(a.productId))
            .map((a) => ({ skuId: skuOf.get(a.productId) as string })),
        });
        if (member.tenantPersonId === null) {
          await tx.update(people).set({ tenantPersonId }).where(eq(people.id, member.id));
        }
      }
      graph.tenant.addUser(TENANT_ONLY_USER);
      await tx
        .insert(tenantConnections)
        .values({
          workspaceId,
          tenantId: graph.app.tenantId,
          clientId: graph.app.clientId,
          connectedBy: DEMO,
          connectedAt: new Date(),
        })
        .onConflictDoUpdate({
          target: tenantConnections.workspaceId,
          set: {
            tenantId: graph.app.tenantId,
            clientId: graph.app.clientId,
            clientSecretEncrypted: null,
            connectedBy: DEMO,
            connectedAt: new Date(),
          },
        });
    }),
  );
  const tenant = connectMicrosoft365({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret: graph.app.secrets?.[0] ?? "" },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });
  return async (id) => (id === workspaceId ? tenant : null);
}

/**
 * A start without `--tenant demo` on data a demo start connected: the demo tenant is gone with that
 * process, so the workspace is disconnected and License Desk is its record again; changes still
 * waiting for that tenant are refused as not connected (their held seats freed, the admin told).
 * A connection not made by the demo is left alone. Returns whether one was removed.
 */
export async function disconnectDemoTenant(
  db: Database,
  clock: Clock,
  workspaceId: string,
): Promise<boolean> {
  const removed = await withinWorkspace(workspaceId, () =>
    db.transaction(async (tx) => {
      const gone = await tx
        .delete(tenantConnections)
        .where(and(eq(tenantConnections.workspaceId, workspaceId), eq(tenantConnections.connectedBy, DEMO)))
        .returning({ workspaceId: tenantConnections.workspaceId });
      // A change the tenant asked to wait for waits for no tenant now: it is answered at once.
      if (gone.length > 0) {
        await tx
          .update(tenantOperations)
          .set({ notBefore: clock.now() })
          .where(and(eq(tenantOperations.workspaceId, workspaceId), eq(tenantOperations.status, "pending")));
      }
      return gone.length > 0;
    }),
  );
  if (!removed) return false;
  await applyTenantOperations(db, clock, { tenants: async () => null, workspaceId });
  return true;
}

/** Microsoft's name for one of the demo tenant's products, by its skuId. */
export function demoProductName(skuId: string): string | undefined {
  return Object.values(DEMO_SKUS).find((sku) => sku.skuId === skuId.toLowerCase())?.productName;
}

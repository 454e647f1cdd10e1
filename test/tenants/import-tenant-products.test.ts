import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, products } from "../../src/db/schema/index.ts";
import { getSeatUsage } from "../../src/licensing/get-seat-usage.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { importTenantProducts, keyOf } from "../../src/tenants/import-tenant-products.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import { readServicePlanTable } from "../../src/tenants/microsoft365/service-plan-table.ts";
import type { TenantPort } from "../../src/tenants/tenant-port.ts";
import { BUSINESS_STANDARD, EXCHANGE_PLAN_1, smallTenant } from "../graph/demo-tenant-fixture.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, servicesOf, singleProductCatalog } from "../helpers/factories.ts";

const t = useTestDatabase();
const plans = readServicePlanTable(
  fileURLToPath(new URL("../../db/seed/microsoft365-service-plans.csv", import.meta.url)),
);

let graph: LocalGraph;
let tenant: TenantPort;
beforeAll(async () => {
  const options = smallTenant();
  options.skus?.push({
    skuId: "078d2b04-f1bd-4111-bbd4-b4b1b354cef4",
    skuPartNumber: "AAD_PREMIUM",
    prepaidUnits: { enabled: 10 },
    servicePlans: [{ servicePlanId: "41781fb2-bc02-4b7c-bd55-b576c07bb09d", servicePlanName: "AAD_PREMIUM" }],
  });
  options.skus?.push({
    skuId: "c2e41e49-e2a2-4c55-832a-cf13ffba1d6a",
    skuPartNumber: "10_ALR_ADDON",
    appliesTo: "Company",
    prepaidUnits: { enabled: 1 },
    servicePlans: [{ servicePlanId: EXCHANGE_PLAN_1, servicePlanName: "EXCHANGE_S_STANDARD" }],
  });
  graph = await startLocalGraph(options);
  tenant = connectMicrosoft365({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret: graph.app.secrets?.[0] ?? "" },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });
});
afterAll(() => graph.close());

const productRow = async (workspaceId: string, key: string) =>
  (
    await t.db
      .select()
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), eq(products.key, key)))
  )[0];

describe("importing the tenant's products", () => {
  it("takes each product people can be given, with the tenant's seats and Microsoft's names", async () => {
    const f = await createFixture(t.db);
    const outcome = await importTenantProducts(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: admin,
      tenant,
      plans,
    });
    expect(outcome).toEqual({
      ok: true,
      created: ["o365-business-premium", "exchangestandard"],
      updated: [],
      skipped: [{ partNumber: "AAD_PREMIUM", reason: "NO_KNOWN_SERVICE" }],
      named: [
        expect.objectContaining({ key: "o365-business-premium", name: "Microsoft 365 Business Standard" }),
        expect.objectContaining({ key: "exchangestandard" }),
      ],
      gone: [],
      returned: [],
      overAssigned: [],
    });
    const standard = await productRow(f.workspaceId, "o365-business-premium");
    expect(standard).toMatchObject({ name: "Microsoft 365 Business Standard", purchasedSeats: 3 });
    expect(await productRow(f.workspaceId, "10-alr-addon")).toBeUndefined();
    const services = await servicesOf(t.db, standard?.id as string);
    expect(services.map((s) => [s.key, s.name, s.kind, s.dataSurvivesRemoval])).toEqual([
      ["exchange-s-standard", "Exchange Online (Plan 1)", "mailbox", false],
      ["sharepointstandard", "SharePoint (Plan 1)", "team_site", true],
    ]);
  });

  it("makes one service of a plan two products carry: one mailbox for a person holding both", async () => {
    const f = await createFixture(t.db);
    await importTenantProducts(t.db, f.clock, { workspaceId: f.workspaceId, actor: admin, tenant, plans });
    const standard = await productRow(f.workspaceId, "o365-business-premium");
    const exchange = await productRow(f.workspaceId, "exchangestandard");
    const [a] = await servicesOf(t.db, standard?.id as string);
    const [b] = await servicesOf(t.db, exchange?.id as string);
    expect(a?.id).toBe(b?.id);
  });

  it("follows the tenant's seats on a second import, keeping the admin's default product and threshold", async () => {
    const f = await createFixture(t.db);
    await importTenantProducts(t.db, f.clock, { workspaceId: f.workspaceId, actor: admin, tenant, plans });
    await t.db
      .update(products)
      .set({ isDefault: true, lowSeatThreshold: 2 })
      .where(and(eq(products.workspaceId, f.workspaceId), eq(products.key, "exchangestandard")));
    graph.tenant.addSku({
      skuId: EXCHANGE_PLAN_1,
      skuPartNumber: "EXCHANGESTANDARD",
      prepaidUnits: { enabled: 4 },
      servicePlans: [
        { servicePlanId: "9aaf7827-d63c-4b61-89c3-182f06f82e5c", servicePlanName: "EXCHANGE_S_STANDARD" },
      ],
    });
    const again = await importTenantProducts(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: admin,
      tenant,
      plans,
    });
    expect(again).toMatchObject({
      ok: true,
      created: [],
      updated: ["o365-business-premium", "exchangestandard"],
    });
    expect(await productRow(f.workspaceId, "exchangestandard")).toMatchObject({
      purchasedSeats: 4,
      isDefault: true,
      lowSeatThreshold: 2,
    });
  });

  it("is refused to a member who is not an admin, and the refusal is audited", async () => {
    const f = await createFixture(t.db);
    const member = { userId: "UMEMBER", source: "command" as const };
    await f.addPerson({ slackUserId: "UMEMBER" });
    const outcome = await importTenantProducts(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: member,
      tenant,
      plans,
    });
    expect(outcome).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(await productRow(f.workspaceId, "exchangestandard")).toBeUndefined();
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.actor, "UMEMBER")));
    expect(refusals.length).toBeGreaterThan(0);
  });
});

describe("the tenant's ids, products gone and back, and seats taken outside", () => {
  const connect = (g: LocalGraph) =>
    connectMicrosoft365({
      tenantId: g.app.tenantId,
      clientId: g.app.clientId,
      credential: { kind: "secret", secret: g.app.secrets?.[0] ?? "" },
      graphUrl: g.graphUrl,
      loginUrl: g.loginUrl,
    });

  it("stores each product's tenant id, marks one the tenant no longer has as gone without deleting it, and clears the mark when it comes back", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(1, "local") });
    const full = await startLocalGraph(smallTenant());
    const options = smallTenant();
    options.skus = options.skus?.filter((s) => s.skuId === BUSINESS_STANDARD);
    options.users = [];
    options.groups = [];
    const cut = await startLocalGraph(options);
    try {
      const importFrom = (g: LocalGraph) =>
        importTenantProducts(t.db, f.clock, {
          workspaceId: f.workspaceId,
          actor: admin,
          tenant: connect(g),
          plans,
        });
      await importFrom(full);
      expect(await productRow(f.workspaceId, "exchangestandard")).toMatchObject({
        tenantProductId: EXCHANGE_PLAN_1,
        goneAt: null,
      });
      expect((await productRow(f.workspaceId, "o365-business-premium"))?.tenantProductId).toBe(
        BUSINESS_STANDARD,
      );

      const cutOutcome = await importFrom(cut);
      expect(cutOutcome).toMatchObject({ ok: true, gone: [{ key: "exchangestandard" }], returned: [] });
      const gone = await productRow(f.workspaceId, "exchangestandard");
      expect(gone?.goneAt).toEqual(f.clock.now());
      expect((await productRow(f.workspaceId, "o365-business-premium"))?.goneAt).toBeNull();
      // A product License Desk holds for itself is not the tenant's to mark.
      expect((await productRow(f.workspaceId, "local"))?.goneAt).toBeNull();

      const back = await importFrom(full);
      expect(back).toMatchObject({ ok: true, gone: [], returned: [{ key: "exchangestandard" }] });
      expect((await productRow(f.workspaceId, "exchangestandard"))?.goneAt).toBeNull();
      const audited = await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.targetId, gone?.id as string)));
      expect(audited.map((a) => a.action)).toEqual(
        expect.arrayContaining(["product.gone", "product.returned"]),
      );
    } finally {
      await Promise.all([full.close(), cut.close()]);
    }
  });

  it("counts the seats the tenant gave to people License Desk does not know, so available is enabled − consumed", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(1, "local") });
    // Alva holds Business Standard directly and Wei through the Sales group; neither is in Slack.
    const g = await startLocalGraph(smallTenant());
    try {
      await importTenantProducts(t.db, f.clock, {
        workspaceId: f.workspaceId,
        actor: admin,
        tenant: connect(g),
        plans,
      });
      const seats = await getSeatUsage(t.db, { workspaceId: f.workspaceId });
      const standard = seats.find((s) => s.key === "o365-business-premium");
      expect(standard).toMatchObject({ purchased: 3, assigned: 2, available: 1 });
      expect((await productRow(f.workspaceId, "o365-business-premium"))?.outsideSeats).toBe(2);
      expect(seats.find((s) => s.key === "exchangestandard")).toMatchObject({ purchased: 1, available: 1 });

      // One more seat taken in the tenant is one fewer available here after the next import.
      g.tenant.assignLicense("u-bo", { addLicenses: [{ skuId: BUSINESS_STANDARD }], removeLicenses: [] });
      await importTenantProducts(t.db, f.clock, {
        workspaceId: f.workspaceId,
        actor: admin,
        tenant: connect(g),
        plans,
      });
      const after = await getSeatUsage(t.db, { workspaceId: f.workspaceId });
      expect(after.find((s) => s.key === "o365-business-premium")).toMatchObject({
        assigned: 3,
        available: 0,
      });
    } finally {
      await g.close();
    }
  });
});

describe("the service-plan table and keys", () => {
  it("names products and plans by GUID, whatever the case", () => {
    expect(plans.productName(BUSINESS_STANDARD.toUpperCase())).toBe("Microsoft 365 Business Standard");
    expect(plans.planName("9AAF7827-D63C-4B61-89C3-182F06F82E5C")).toBe("Exchange Online (Plan 1)");
    expect(plans.productName("00000000-0000-0000-0000-000000000000")).toBeUndefined();
  });

  it("turns technical names into catalog keys", () => {
    expect(keyOf("O365_BUSINESS_PREMIUM")).toBe("o365-business-premium");
    expect(keyOf("_Microsoft_Teams_Premium_")).toBe("microsoft-teams-premium");
    expect(keyOf("A".repeat(60))).toHaveLength(40);
  });
});

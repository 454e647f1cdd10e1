import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  people,
  products,
  restoreWindows,
  tenantConnections,
  tenantOperations,
} from "../../src/db/schema/index.ts";
import { getSeatUsage } from "../../src/licensing/get-seat-usage.ts";
import { decideRestoreReminders } from "../../src/licensing/reminders/decide-restore-reminders.ts";
import {
  type LocalGraph,
  type LocalGraphOptions,
  startLocalGraph,
} from "../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import { shippedServicePlans } from "../../src/tenants/microsoft365/shipped-service-plans.ts";
import { syncTenant } from "../../src/tenants/sync-tenant.ts";
import {
  BUSINESS_STANDARD,
  EXCHANGE_PLAN_1,
  GROUP_SALES,
  smallTenant,
} from "../graph/demo-tenant-fixture.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, singleProductCatalog } from "../helpers/factories.ts";

// The one file of the tenant sync that CI runs on Postgres as well (TEST_DATABASE_URL).
const t = useTestDatabase();
const plans = shippedServicePlans();
const opened: LocalGraph[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((g) => g.close()));
});

/** A workspace connected to a stand-in tenant, with Slack members Alva, Bo, Cleo and Dan. */
async function connected(options: LocalGraphOptions = smallTenant(), secret?: string) {
  const graph = await startLocalGraph(options);
  opened.push(graph);
  const tenant = connectMicrosoft365({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret: secret ?? graph.app.secrets?.[0] ?? "" },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });
  const f = await createFixture(t.db, {
    catalog: singleProductCatalog(1, "local"),
    defaultUsageLocation: null,
  });
  const [alva, bo, cleo, dan] = await f.addPeople([
    { name: "Alva", email: "ALVA@example.com" },
    { name: "Bo", email: "bo@example.com" },
    { name: "Cleo", email: "cleo@example.onmicrosoft.com" },
    { name: "Dan", email: "dan@example.com" },
  ]);
  await t.db.insert(tenantConnections).values({
    workspaceId: f.workspaceId,
    tenantId: graph.app.tenantId,
    connectedBy: admin.userId,
    connectedAt: f.clock.now(),
  });
  const ids = { alva: alva as string, bo: bo as string, cleo: cleo as string, dan: dan as string };
  const sync = (actor = admin) =>
    syncTenant(t.db, f.clock, { workspaceId: f.workspaceId, actor, tenant, plans });
  const held = async (personId: string) =>
    (
      await t.db
        .select({ key: products.key, fromGroupId: assignments.fromGroupId })
        .from(assignments)
        .innerJoin(products, eq(products.id, assignments.productId))
        .where(eq(assignments.personId, personId))
    ).sort((a, b) => a.key.localeCompare(b.key));
  const audit = () => t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
  return { graph, f, ids, sync, held, audit };
}

describe("syncing with the tenant", () => {
  it("matches members by mail, then principal name, takes usage locations, lists who is unmatched, and records the sync", async () => {
    const { f, ids, sync } = await connected();
    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const rows = await t.db
      .select({ id: people.id, tenantPersonId: people.tenantPersonId, usageLocation: people.usageLocation })
      .from(people)
      .where(eq(people.workspaceId, f.workspaceId));
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row(ids.alva)).toMatchObject({ tenantPersonId: "u-alva", usageLocation: "SE" });
    expect(row(ids.bo)).toMatchObject({ tenantPersonId: "u-bo", usageLocation: "SE" });
    // Cleo has no mailbox: matched on her principal name; the tenant has no location for her.
    expect(row(ids.cleo)).toMatchObject({ tenantPersonId: "u-cleo", usageLocation: null });
    expect(row(ids.dan)?.tenantPersonId).toBeNull();

    const { people: found } = outcome.summary;
    expect(found.matched).toBe(3);
    expect(found.locationsChanged).toBe(2);
    expect(found.unmatchedMembers.items.map((m) => m.name).sort()).toEqual(["Dan", "Fixture Admin"]);
    expect(found.unmatchedTenantUsers.items).toEqual([{ name: "Wei", principal: "wei@example.com" }]);

    const [connection] = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, f.workspaceId));
    expect(connection?.lastSyncAt).toEqual(f.clock.now());
    expect(connection?.lastSyncError).toBeNull();
    expect(connection?.deltaCursor).toContain("/users/delta");
    expect(connection?.lastSyncSummary).toEqual(JSON.parse(JSON.stringify(outcome.summary)));
  });

  it("records the licenses members already hold there, and counts the seats of people not in Slack as taken", async () => {
    const { f, ids, sync, held, audit } = await connected();
    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await held(ids.alva)).toEqual([{ key: "o365-business-premium", fromGroupId: null }]);
    // Wei holds Business Standard through a group and is not in Slack: 3 enabled, 2 consumed.
    const seats = await getSeatUsage(t.db, { workspaceId: f.workspaceId });
    expect(seats.find((s) => s.key === "o365-business-premium")).toMatchObject({
      purchased: 3,
      available: 1,
    });
    expect(outcome.summary.outsideSeats).toEqual([{ product: expect.any(String), seats: 1 }]);
    const rows = (await audit()).filter((a) => a.action === "license.tenant_assigned");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "tenant", actor: "system" });
  });

  it("picks up a license added and one removed directly in the tenant: audited as the tenant's, the removal opening a restore window", async () => {
    const { graph, f, ids, sync, held, audit } = await connected();
    expect((await sync()).ok).toBe(true);
    graph.tenant.assignLicense("u-bo", { addLicenses: [{ skuId: EXCHANGE_PLAN_1 }], removeLicenses: [] });
    graph.tenant.assignLicense("u-alva", { addLicenses: [], removeLicenses: [BUSINESS_STANDARD] });
    f.clock.advanceDays(1);

    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await held(ids.bo)).toEqual([{ key: "exchangestandard", fromGroupId: null }]);
    expect(await held(ids.alva)).toEqual([]);
    expect(outcome.summary.licenses.added.map((a) => a.person.name)).toEqual(["Bo"]);
    expect(outcome.summary.licenses.removed).toEqual([
      {
        person: { name: "Alva", slackUserId: expect.any(String) },
        product: expect.any(String),
        goneForGoodAt: "2026-04-02T10:00:00.000Z",
      },
    ]);

    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, ids.alva));
    expect(windows).toEqual([
      expect.objectContaining({
        status: "open",
        purgeAt: new Date("2026-04-02T10:00:00.000Z"),
        removedBy: "system",
      }),
    ]);
    const removal = (await audit()).find((a) => a.action === "license.tenant_removed");
    expect(removal).toMatchObject({
      source: "tenant",
      after: expect.objectContaining({ restoreWindowId: windows[0]?.id }),
    });
    const seats = await getSeatUsage(t.db, { workspaceId: f.workspaceId });
    expect(seats.find((s) => s.key === "exchangestandard")).toMatchObject({ purchased: 1, available: 0 });
    expect(seats.find((s) => s.key === "o365-business-premium")).toMatchObject({
      purchased: 3,
      available: 2,
    });

    // Its reminders come due like those of a removal made here.
    f.clock.advanceDays(25);
    const reminded = await t.db.transaction((tx) =>
      decideRestoreReminders(tx, f.clock.now(), { workspaceId: f.workspaceId }),
    );
    expect(reminded).toBeGreaterThan(0);
  });

  it("records a license that comes from a group as the group's", async () => {
    const { f, sync } = await connected();
    const wei = await f.addPerson({ name: "Wei", email: "wei@example.com" });
    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [row] = await t.db.select().from(assignments).where(eq(assignments.personId, wei));
    expect(row?.fromGroupId).toBe(GROUP_SALES);
    expect(outcome.summary.licenses.added.find((a) => a.person.name === "Wei")?.fromGroup).toBe(true);
    // Both holders are known now: nothing is counted as taken outside.
    expect(outcome.summary.outsideSeats).toEqual([]);
  });

  it("leaves a difference to the change License Desk is still making in the tenant", async () => {
    const { graph, f, ids, sync, held } = await connected();
    expect((await sync()).ok).toBe(true);
    const exchange = await f.productId("exchangestandard");
    await t.db.insert(tenantOperations).values({
      workspaceId: f.workspaceId,
      personId: ids.bo,
      productId: exchange,
      action: "add",
      decision: {},
      decisionId: randomUUID(),
      notBefore: f.clock.now(),
      createdAt: f.clock.now(),
    });
    graph.tenant.assignLicense("u-bo", { addLicenses: [{ skuId: EXCHANGE_PLAN_1 }], removeLicenses: [] });
    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await held(ids.bo)).toEqual([]);
    expect(outcome.summary.licenses).toMatchObject({ added: [], waiting: 1 });
  });

  it("takes away what a user deleted in the tenant held", async () => {
    const { graph, ids, sync, held } = await connected();
    expect((await sync()).ok).toBe(true);
    expect(await held(ids.alva)).toHaveLength(1);
    graph.tenant.deleteUser("u-alva");
    const outcome = await sync();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await held(ids.alva)).toEqual([]);
    expect(outcome.summary.licenses.removed.map((r) => r.person.name)).toEqual(["Alva"]);
  });

  it("is refused to a member who is not an admin before the tenant is read, and audited", async () => {
    const { graph, f, sync, audit } = await connected();
    await f.addPerson({ slackUserId: "UMEMBER", name: "Member" });
    const outcome = await sync({ userId: "UMEMBER", source: "command" });
    expect(outcome).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(graph.requests).toEqual([]);
    expect((await audit()).filter((a) => a.action === "refused")).toHaveLength(1);
  });

  it("records why a sync failed on the connection, and changes nothing else", async () => {
    const { f, sync, audit } = await connected(smallTenant(), "not-the-secret");
    const outcome = await sync();
    expect(outcome).toMatchObject({ ok: false, code: "TENANT_SYNC_FAILED" });
    const [connection] = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, f.workspaceId));
    expect(connection?.lastSyncError).toEqual(expect.any(String));
    expect(connection?.deltaCursor).toBeNull();
    expect(
      await t.db
        .select()
        .from(products)
        .where(and(eq(products.workspaceId, f.workspaceId), eq(products.key, "exchangestandard"))),
    ).toEqual([]);
    expect((await audit()).filter((a) => a.source === "tenant")).toEqual([]);
  });

  it("says a workspace with no connection is not connected", async () => {
    const { f } = await connected();
    await t.db.delete(tenantConnections).where(eq(tenantConnections.workspaceId, f.workspaceId));
    const outcome = await syncTenant(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: admin,
      tenant: connectMicrosoft365({
        tenantId: "x",
        clientId: "y",
        credential: { kind: "secret", secret: "z" },
        graphUrl: "http://127.0.0.1:9/v1.0",
        loginUrl: "http://127.0.0.1:9",
      }),
      plans,
    });
    expect(outcome).toEqual({ ok: false, code: "TENANT_NOT_CONNECTED" });
  });
});

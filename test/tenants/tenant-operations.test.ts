import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  outbox,
  people,
  products,
  restoreWindows,
  tenantConnections,
  tenantOperations,
} from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import type { LocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { microsoft365Tenant } from "../../src/tenants/microsoft365/microsoft365-tenant.ts";
import { applyTenantOperations } from "../../src/tenants/operations/apply-tenant-operations.ts";
import { claimTenantOperations } from "../../src/tenants/operations/claim-tenant-operations.ts";
import type { TenantPort } from "../../src/tenants/tenant-port.ts";
import { BUSINESS_STANDARD, GROUP_SALES, smallTenant } from "../graph/demo-tenant-fixture.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, type Fixture, singleProductCatalog } from "../helpers/factories.ts";
import { localGraphWithClient } from "../helpers/local-graph.ts";

const t = useTestDatabase();
let graph: LocalGraph;
afterEach(() => graph?.close());

interface Connected {
  f: Fixture;
  tenant: TenantPort;
  productId: string;
  person(tenantPersonId: string, name: string): Promise<string>;
  apply(): ReturnType<typeof applyTenantOperations>;
}

/** A workspace whose one product is the tenant's Business Standard (3 seats, Alva holds one). */
async function connected(): Promise<Connected> {
  const started = await localGraphWithClient(smallTenant(), {
    maxAttempts: 2,
    baseDelayMs: 1,
    maxDelayMs: 5,
  });
  graph = started.graph;
  const tenant = microsoft365Tenant(started.client);
  const f = await createFixture(t.db, { catalog: singleProductCatalog(3, "standard") });
  const productId = await f.productId("standard");
  await t.db.update(products).set({ tenantProductId: BUSINESS_STANDARD }).where(eq(products.id, productId));
  await t.db.insert(tenantConnections).values({
    workspaceId: f.workspaceId,
    tenantId: graph.app.tenantId,
    connectedBy: admin.userId,
    connectedAt: f.clock.now(),
  });
  return {
    f,
    tenant,
    productId,
    person: async (tenantPersonId, name) => {
      const id = await f.addPerson({ name, usageLocation: "SE" });
      await t.db.update(people).set({ tenantPersonId }).where(eq(people.id, id));
      return id;
    },
    apply: () => applyTenantOperations(t.db, f.clock, { tenants: async () => tenant }),
  };
}

const seatsOf = async (productId: string) =>
  (await t.db.select().from(products).where(eq(products.id, productId)))[0]?.assignedSeats;
const heldBy = (graphUser: string) =>
  (graph.tenant.userJson(graphUser)?.assignedLicenses ?? []).map((l) => l.skuId);
const assignmentsOf = (personId: string) =>
  t.db.select().from(assignments).where(eq(assignments.personId, personId));
const actions = async (workspaceId: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId))).map((a) => a.action);
const tenantOutcomes = async (workspaceId: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.workspaceId, workspaceId)))
    .map((row) => row.message as { kind: string; answers?: unknown })
    .filter((m) => m.kind === "tenant_outcome");

describe("changes to a product the tenant holds (rule 13)", () => {
  it("waits for the tenant with its seat held, and is recorded once the tenant has assigned it", async () => {
    const c = await connected();
    const bo = await c.person("u-bo", "Bo");
    const result = await assignProduct(t.db, c.f.clock, {
      workspaceId: c.f.workspaceId,
      personId: bo,
      productId: c.productId,
      actor: admin,
    });
    expect(result).toMatchObject({ ok: true, pendingInTenant: true, seats: { assigned: 1, available: 2 } });
    // Nothing claimed in License Desk's record before the tenant has it; the seat is held.
    expect(await assignmentsOf(bo)).toEqual([]);
    expect(await seatsOf(c.productId)).toBe(1);
    expect(await actions(c.f.workspaceId)).not.toContain("license.assigned");

    expect(await c.apply()).toEqual({ applied: 1, refused: 0, retrying: 0 });
    expect(heldBy("u-bo")).toEqual([BUSINESS_STANDARD]);
    expect(await assignmentsOf(bo)).toHaveLength(1);
    expect(await seatsOf(c.productId)).toBe(1);
    expect(await actions(c.f.workspaceId)).toContain("license.assigned");
    expect(await tenantOutcomes(c.f.workspaceId)).toEqual([
      {
        kind: "tenant_outcome",
        answers: [{ person: "Bo", product: "Product standard", action: "add", refusal: null, message: null }],
      },
    ]);
    // The person's own notice goes out with the change the tenant made, not before.
    const notices = await t.db.select().from(outbox).where(eq(outbox.workspaceId, c.f.workspaceId));
    expect(notices.map((n) => (n.message as { kind: string }).kind).sort()).toEqual([
      "license_changes",
      "tenant_outcome",
    ]);
  });

  it("gives the seat back and says why when the tenant refuses", async () => {
    const c = await connected();
    // Cleo has a usage location here but none in the tenant: Graph refuses a direct assignment.
    const cleo = await c.person("u-cleo", "Cleo");
    await assignProduct(t.db, c.f.clock, {
      workspaceId: c.f.workspaceId,
      personId: cleo,
      productId: c.productId,
      actor: admin,
    });
    expect(await c.apply()).toEqual({ applied: 0, refused: 1, retrying: 0 });
    expect(heldBy("u-cleo")).toEqual([]);
    expect(await assignmentsOf(cleo)).toEqual([]);
    expect(await seatsOf(c.productId)).toBe(0);
    expect(await actions(c.f.workspaceId)).toContain("license.refused_by_tenant");
    expect(await tenantOutcomes(c.f.workspaceId)).toMatchObject([
      { answers: [{ person: "Cleo", action: "add", refusal: "NO_USAGE_LOCATION" }] },
    ]);
  });

  it("removes only once the tenant has, and then opens the restore window", async () => {
    const c = await connected();
    const bo = await c.person("u-bo", "Bo");
    const input = { workspaceId: c.f.workspaceId, personId: bo, productId: c.productId, actor: admin };
    await assignProduct(t.db, c.f.clock, input);
    await c.apply();
    const removed = await removeProduct(t.db, c.f.clock, input);
    expect(removed).toMatchObject({ ok: true, pendingInTenant: true });
    expect(await assignmentsOf(bo)).toHaveLength(1);
    expect(await c.apply()).toEqual({ applied: 1, refused: 0, retrying: 0 });
    expect(heldBy("u-bo")).toEqual([]);
    expect(await assignmentsOf(bo)).toEqual([]);
    expect(await seatsOf(c.productId)).toBe(0);
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, bo));
    expect(windows).toMatchObject([{ status: "open" }]);
  });

  it("applies a change once when the relay died after the tenant made it", async () => {
    const c = await connected();
    const bo = await c.person("u-bo", "Bo");
    const input = { workspaceId: c.f.workspaceId, personId: bo, productId: c.productId, actor: admin };
    await assignProduct(t.db, c.f.clock, input);
    // A relay claims the change and the tenant makes it; the relay dies before recording the answer.
    const [claimed] = await claimTenantOperations(t.db, c.f.clock.now(), { limit: 10, leaseMs: 60_000 });
    await c.tenant.applyChanges([{ personId: "u-bo", add: [{ productId: BUSINESS_STANDARD }], remove: [] }]);
    expect(claimed?.action).toBe("add");
    // While the lease runs, no other relay takes it.
    expect(await c.apply()).toEqual({ applied: 0, refused: 0, retrying: 0 });
    c.f.clock.set(new Date(c.f.clock.now().getTime() + 61_000));
    expect(await c.apply()).toEqual({ applied: 1, refused: 0, retrying: 0 });
    expect(await assignmentsOf(bo)).toHaveLength(1);
    expect(await seatsOf(c.productId)).toBe(1);
    expect((await actions(c.f.workspaceId)).filter((a) => a === "license.assigned")).toHaveLength(1);

    // The same for a removal: the tenant no longer holding it is what was wanted.
    await removeProduct(t.db, c.f.clock, input);
    await claimTenantOperations(t.db, c.f.clock.now(), { limit: 10, leaseMs: 60_000 });
    await c.tenant.applyChanges([{ personId: "u-bo", add: [], remove: [BUSINESS_STANDARD] }]);
    c.f.clock.set(new Date(c.f.clock.now().getTime() + 61_000));
    expect(await c.apply()).toEqual({ applied: 1, refused: 0, retrying: 0 });
    expect(await assignmentsOf(bo)).toEqual([]);
    expect(await seatsOf(c.productId)).toBe(0);
  });

  it("keeps a change the tenant throttled past its retries, and makes it later", async () => {
    const c = await connected();
    const bo = await c.person("u-bo", "Bo");
    await assignProduct(t.db, c.f.clock, {
      workspaceId: c.f.workspaceId,
      personId: bo,
      productId: c.productId,
      actor: admin,
    });
    graph.failures.failRequests(2, { status: 429, retryAfterSeconds: 0 });
    expect(await c.apply()).toEqual({ applied: 0, refused: 0, retrying: 1 });
    const [waiting] = await t.db.select().from(tenantOperations).where(eq(tenantOperations.personId, bo));
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting?.lastError).toBeTruthy();
    expect(await seatsOf(c.productId)).toBe(1);
    // Not before its time: then made, once.
    expect(await c.apply()).toEqual({ applied: 0, refused: 0, retrying: 0 });
    c.f.clock.set(new Date(c.f.clock.now().getTime() + 10_000));
    expect(await c.apply()).toEqual({ applied: 1, refused: 0, retrying: 0 });
    expect(heldBy("u-bo")).toEqual([BUSINESS_STANDARD]);
    expect(await assignmentsOf(bo)).toHaveLength(1);
  });

  it("refuses here to remove a license a tenant group gives", async () => {
    const c = await connected();
    const wei = await c.person("u-wei", "Wei");
    await t.db.execute(
      sql`insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by, from_group_id, from_group_name)
          values (${c.f.workspaceId}, ${wei}, ${c.productId}, now(), 'tenant', ${GROUP_SALES}, 'Sales')`,
    );
    await t.db.update(products).set({ assignedSeats: 1 }).where(eq(products.id, c.productId));
    const removed = await removeProduct(t.db, c.f.clock, {
      workspaceId: c.f.workspaceId,
      personId: wei,
      productId: c.productId,
      actor: admin,
    });
    expect(removed).toMatchObject({ ok: false, code: "INHERITED_FROM_GROUP", group: "Sales" });
    const queued = await t.db
      .select()
      .from(tenantOperations)
      .where(and(eq(tenantOperations.personId, wei), eq(tenantOperations.status, "pending")));
    expect(queued).toEqual([]);
  });
});

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, products, serviceData } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

const seatsOf = async (productId: string) =>
  (
    await t.db.select({ assigned: products.assignedSeats }).from(products).where(eq(products.id, productId))
  )[0]?.assigned;

describe("a product none of whose services can run where the person is (rule 4)", () => {
  it("is refused with the services and the location, burning no seat and writing nothing", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ name: "Wei", usageLocation: "CN" });
    const productId = await f.productId("lync-p2");
    const outcome = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId,
      actor: admin,
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: "NOTHING_RUNS_IN_LOCATION",
      cases: [
        {
          person: { id: personId, name: "Wei" },
          product: { id: productId, key: "lync-p2" },
          services: ["Lync Online"],
          location: "CN",
        },
      ],
    });
    expect(await seatsOf(productId)).toBe(0);
    expect(await t.db.select().from(assignments).where(eq(assignments.personId, personId))).toHaveLength(0);
    expect(await t.db.select().from(serviceData).where(eq(serviceData.personId, personId))).toHaveLength(0);
  });

  it("is assigned when the admin says so explicitly, taking the seat, turning nothing on, audited as such", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ name: "Lin", usageLocation: "CN" });
    const productId = await f.productId("lync-p2");
    const outcome = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId,
      actor: admin,
      evenIfNothingRuns: true,
    });
    expect(outcome).toMatchObject({ ok: true, enabled: [], skipped: [{ key: "lync", location: "CN" }] });
    expect(await seatsOf(productId)).toBe(1);
    expect(await t.db.select().from(serviceData).where(eq(serviceData.personId, personId))).toHaveLength(0);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.action, "license.assigned")));
    expect(audit?.after).toMatchObject({ evenIfNothingRuns: true, enabled: [] });
  });

  it("does not stand in the way when at least one service runs there", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ usageLocation: "CN" });
    const outcome = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office-sb"),
      actor: admin,
    });
    expect(outcome).toMatchObject({ ok: true, skipped: [{ key: "lync" }] });
  });
});

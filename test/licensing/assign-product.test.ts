import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, products, serviceData } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, singleProductCatalog } from "../helpers/factories.ts";

const t = useTestDatabase();

describe("assignProduct", () => {
  it("takes a seat and turns on every service of the product", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ name: "Anna", usageLocation: "SE" });
    const productId = await f.productId("office");
    const result = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId,
      actor: admin,
    });
    expect(result).toMatchObject({
      ok: true,
      restored: false,
      skipped: [],
      seats: { purchased: 10, assigned: 1, available: 9 },
    });
    if (!result.ok) throw new Error("unreachable");
    expect(result.enabled.map((s) => s.key).sort()).toEqual([
      "exchange",
      "lync",
      "office-apps",
      "sharepoint",
    ]);
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, personId));
    expect(data).toHaveLength(4);
    expect(data.every((d) => d.status === "active")).toBe(true);
    expect(data.filter((d) => d.mailboxSizeMb === 0)).toHaveLength(1);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "license.assigned")).toMatchObject([
      { actor: "UADMIN", source: "command", requestId: "test", targetId: result.assignmentId },
    ]);
  });

  it("skips the services the person's usage location does not allow, and says why", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ usageLocation: "CN" });
    const result = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office"),
      actor: admin,
    });
    expect(result).toMatchObject({
      ok: true,
      skipped: [{ key: "lync", name: "Lync Online", reason: "UNAVAILABLE_IN_LOCATION", location: "CN" }],
    });
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, personId));
    expect(data).toHaveLength(3);
  });

  it("needs a usage location unless the workspace has a default", async () => {
    const noDefault = await createFixture(t.db, { defaultUsageLocation: null });
    const personId = await noDefault.addPerson({ usageLocation: null });
    const input = {
      workspaceId: noDefault.workspaceId,
      personId,
      productId: await noDefault.productId("office"),
      actor: admin,
    };
    expect(await assignProduct(t.db, noDefault.clock, input)).toMatchObject({
      ok: false,
      code: "USAGE_LOCATION_REQUIRED",
      people: [{ id: personId }],
      product: { id: input.productId, key: "office" },
    });
    const [row] = await t.db.select().from(products).where(eq(products.id, input.productId));
    expect(row?.assignedSeats).toBe(0);

    const withDefault = await createFixture(t.db, { defaultUsageLocation: "CN" });
    const other = await withDefault.addPerson({ usageLocation: null });
    const result = await assignProduct(t.db, withDefault.clock, {
      workspaceId: withDefault.workspaceId,
      personId: other,
      productId: await withDefault.productId("office"),
      actor: admin,
    });
    expect(result).toMatchObject({ ok: true, skipped: [{ key: "lync", location: "CN" }] });
  });

  it("refuses a second assignment of the same product and leaves the seat count alone", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("exchange-p1");
    const input = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    expect((await assignProduct(t.db, f.clock, input)).ok).toBe(true);
    expect(await assignProduct(t.db, f.clock, input)).toMatchObject({
      ok: false,
      code: "ALREADY_ASSIGNED",
      person: { id: input.personId },
      product: { id: input.productId },
    });
    const [row] = await t.db.select().from(products).where(eq(products.id, productId));
    expect(row?.assignedSeats).toBe(1);
  });

  it("refuses when no seat is left, writing nothing", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(1) });
    const [first, second] = await f.addPeople([{}, {}]);
    const productId = await f.productId("mail");
    await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId: first as string,
      productId,
      actor: admin,
    });
    const refused = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId: second as string,
      productId,
      actor: admin,
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "NO_SEATS_LEFT",
      seats: { available: 0, purchased: 1 },
    });
    const held = await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.productId, productId), eq(assignments.personId, second as string)));
    expect(held).toHaveLength(0);
    const data = await t.db
      .select()
      .from(serviceData)
      .where(eq(serviceData.personId, second as string));
    expect(data).toHaveLength(0);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "license.assigned")).toHaveLength(1);
  });

  it("answers unknown people and products, including malformed and foreign ids", async () => {
    const f = await createFixture(t.db);
    const other = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const foreignProduct = await other.productId("office");
    const foreignPerson = await other.addPerson();
    const base = { workspaceId: f.workspaceId, actor: admin };
    const cases = [
      [{ personId: "not-a-uuid", productId }, "UNKNOWN_PERSON"],
      [{ personId, productId: "x' or 1=1" }, "UNKNOWN_PRODUCT"],
      [{ personId, productId: foreignProduct }, "UNKNOWN_PRODUCT"],
      [{ personId: foreignPerson, productId }, "UNKNOWN_PERSON"],
    ] as const;
    for (const [ids, code] of cases) {
      expect(await assignProduct(t.db, f.clock, { ...base, ...ids })).toEqual({ ok: false, code });
    }
  });

  it("does not license a deactivated person", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ active: false });
    const result = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office"),
      actor: admin,
    });
    expect(result).toMatchObject({ ok: false, code: "PERSON_DEACTIVATED", people: [{}] });
  });
});

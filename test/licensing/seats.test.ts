import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, products } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { getSeatUsage } from "../../src/licensing/get-seat-usage.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { setPurchasedSeats } from "../../src/licensing/set-purchased-seats.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, singleProductCatalog } from "../helpers/factories.ts";

const t = useTestDatabase({ poolMax: 20 });

describe("getSeatUsage", () => {
  it('words availability as "6 of 10 available"', async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople([{}, {}, {}, {}]);
    const productId = await f.productId("office");
    for (const personId of people) {
      await assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin });
    }
    const usage = await getSeatUsage(t.db, { workspaceId: f.workspaceId });
    expect(usage.find((u) => u.key === "office")).toMatchObject({
      purchased: 10,
      assigned: 4,
      available: 6,
      isDefault: true,
    });
    expect(usage).toHaveLength(5);
  });
});

describe("setPurchasedSeats", () => {
  it("refuses an amount below the assigned count and says how many to free", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(5) });
    const productId = await f.productId("mail");
    for (const personId of await f.addPeople([{}, {}, {}])) {
      await assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin });
    }
    const input = { workspaceId: f.workspaceId, productId, actor: admin };
    expect(await setPurchasedSeats(t.db, f.clock, { ...input, purchased: 1 })).toMatchObject({
      ok: false,
      code: "QUANTITY_BELOW_ASSIGNED",
      assigned: 3,
      toFree: 2,
    });
    expect(await setPurchasedSeats(t.db, f.clock, { ...input, purchased: 3 })).toMatchObject({
      ok: true,
      before: { available: 2, purchased: 5 },
      seats: { available: 0, purchased: 3 },
    });
    for (const bad of [-1, 1.5, Number.NaN, 10_000_001]) {
      expect(await setPurchasedSeats(t.db, f.clock, { ...input, purchased: bad })).toMatchObject({
        code: "INVALID_QUANTITY",
      });
    }
    expect(await setPurchasedSeats(t.db, f.clock, { ...input, productId: "nope", purchased: 4 })).toEqual({
      ok: false,
      code: "UNKNOWN_PRODUCT",
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "product.seats_changed")).toMatchObject([
      { before: { purchased: 5 }, after: { purchased: 3 } },
    ]);
  });

  it("the database itself refuses a counter past the purchased seats", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(2) });
    const productId = await f.productId("mail");
    await expect(
      t.db.update(products).set({ assignedSeats: 3 }).where(eq(products.id, productId)),
    ).rejects.toThrow();
  });
});

describe("seats under concurrency", () => {
  it("200 concurrent assigns of a 10-seat product give exactly 10 assignments", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(10) });
    const productId = await f.productId("mail");
    const people = await f.addPeople(Array.from({ length: 200 }, () => ({})));
    const results = await Promise.all(
      people.map((personId) =>
        assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin }),
      ),
    );
    const codes = results.map((r) => (r.ok ? "ok" : r.code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(10);
    expect(codes.filter((c) => c === "NO_SEATS_LEFT")).toHaveLength(190);
    const [counter] = await t.db.select().from(products).where(eq(products.id, productId));
    const [rows] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(eq(assignments.productId, productId));
    expect(counter?.assignedSeats).toBe(10);
    expect(rows?.n).toBe(10);
  });

  it("concurrent assigns and removals keep the counter equal to the rows", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(20) });
    const productId = await f.productId("mail");
    const people = await f.addPeople(Array.from({ length: 40 }, () => ({})));
    const input = (personId: string) => ({ workspaceId: f.workspaceId, personId, productId, actor: admin });
    await Promise.all(people.slice(0, 20).map((p) => assignProduct(t.db, f.clock, input(p))));
    await Promise.all([
      ...people.slice(0, 20).map((p) => removeProduct(t.db, f.clock, input(p))),
      ...people.slice(20).map((p) => assignProduct(t.db, f.clock, input(p))),
    ]);
    const [counter] = await t.db.select().from(products).where(eq(products.id, productId));
    const [rows] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(eq(assignments.productId, productId));
    expect(counter?.assignedSeats).toBe(rows?.n);
    expect(rows?.n).toBeGreaterThanOrEqual(0);
    expect(rows?.n).toBeLessThanOrEqual(20);
  });
});

import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, products, restoreWindows, serviceData, services } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

import { bulkFixtures } from "./bulk-fixtures.ts";

const t = useTestDatabase({ poolMax: 4 });
const { held, counterMatchesRows, office } = bulkFixtures(t);

describe("applyBulkChange", () => {
  it("add mode: everyone keeps what they have and gains the products; explicit removals open windows", async () => {
    const f = await createFixture(t.db);
    const { people, ids } = await office(f);
    const result = await applyBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [ids.lync],
      remove: [ids.exchange],
      mode: "add",
      actor: admin,
    });
    expect(result).toMatchObject({
      ok: true,
      replayed: false,
      added: 3,
      removed: 1,
      windowsOpened: 1,
      peopleChanged: 3,
    });
    expect(await held(people)).toEqual([["lync-p2", "office"], ["lync-p2"], ["lync-p2"]]);
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, people[1]));
    expect(windows).toMatchObject([{ status: "open", purgeAt: new Date("2026-04-01T10:00:00Z") }]);
    expect(await counterMatchesRows(f.workspaceId)).toBe(true);
  });

  it("replace mode: everyone ends with exactly the products, and re-adding inside a window restores", async () => {
    const f = await createFixture(t.db);
    const { people, ids } = await office(f);
    const replace = (add: string[]) =>
      applyBulkChange(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personIds: people,
        add,
        mode: "replace",
        actor: admin,
      });
    expect(await replace([ids.lync])).toMatchObject({ ok: true, added: 3, removed: 2, windowsOpened: 2 });
    expect(await held(people)).toEqual([["lync-p2"], ["lync-p2"], ["lync-p2"]]);
    f.clock.advanceDays(5);
    // Exchange Online Plan 1 carries the mailbox Ada lost with Office: both mailboxes come back.
    expect(await replace([ids.exchange])).toMatchObject({ ok: true, added: 3, removed: 3, restored: 2 });
    expect(await held(people)).toEqual([["exchange-p1"], ["exchange-p1"], ["exchange-p1"]]);
    const mailboxes = await t.db
      .select({ personId: serviceData.personId, size: serviceData.mailboxSizeMb, status: serviceData.status })
      .from(serviceData)
      .where(
        and(
          inArray(serviceData.personId, people),
          sql`${serviceData.mailboxSizeMb} is not null`,
          eq(serviceData.status, "active"),
        ),
      );
    expect(mailboxes.find((m) => m.personId === people[1])?.size).toBe(500);
    expect(mailboxes.map((m) => m.personId).sort()).toEqual([people[0], people[1], people[2]].sort());
    // What Ada still misses waits: her Office installs in the Office window, and her meetings,
    // which Lync Plan 2 carried and Exchange Online Plan 1 does not, in a window of their own.
    const adaRetained = await t.db
      .select({ product: restoreWindows.productId, service: services.key })
      .from(serviceData)
      .innerJoin(restoreWindows, eq(restoreWindows.id, serviceData.restoreWindowId))
      .innerJoin(services, eq(services.id, serviceData.serviceId))
      .where(and(eq(serviceData.personId, people[0]), eq(restoreWindows.status, "open")));
    expect(adaRetained.sort((x, y) => x.service.localeCompare(y.service))).toEqual([
      { product: ids.lync, service: "lync" },
      { product: ids.office, service: "office-apps" },
    ]);
    expect(await counterMatchesRows(f.workspaceId)).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "license.bulk_changed")).toHaveLength(6);
    expect(audit.filter((a) => a.action === "bulk.applied")).toHaveLength(2);
  });

  it("a replace that would leave one product short changes nothing and says how many are missing", async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople(Array.from({ length: 8 }, () => ({})));
    const ids = { exchange: await f.productId("exchange-p1"), lync: await f.productId("lync-p2") };
    for (const personId of people.slice(0, 2)) {
      await assignProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personId,
        productId: ids.exchange,
        actor: admin,
      });
    }
    const before = await held(people);
    const result = await applyBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [ids.exchange, ids.lync],
      mode: "replace",
      actor: admin,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "NO_SEATS_LEFT",
      shortfalls: [{ product: { key: "lync-p2" }, adding: 8, availableBefore: 5, missing: 3 }],
    });
    expect(await held(people)).toEqual(before);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action.startsWith("bulk") || a.action === "license.bulk_changed")).toEqual(
      [],
    );
  });

  it("the same idempotency key applies once; with other content it is refused", async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople([{}, {}]);
    const lync = await f.productId("lync-p2");
    const input = {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [lync],
      mode: "add" as const,
      actor: admin,
      idempotencyKey: "V123",
    };
    const [first, second] = await Promise.all([
      applyBulkChange(t.db, f.clock, input),
      applyBulkChange(t.db, f.clock, input),
    ]);
    const replays = [first, second].filter((r) => r.ok && r.replayed);
    expect(replays).toHaveLength(1);
    expect(first).toMatchObject({ ok: true, added: 2 });
    expect(second).toMatchObject({ ok: true, added: 2 });
    const [product] = await t.db.select().from(products).where(eq(products.id, lync));
    expect(product?.assignedSeats).toBe(2);
    expect(await applyBulkChange(t.db, f.clock, { ...input, personIds: people.slice(0, 1) })).toEqual({
      ok: false,
      code: "IDEMPOTENCY_CONFLICT",
    });
  });

  it("refuses bad requests with what is wrong", async () => {
    const f = await createFixture(t.db, { defaultUsageLocation: null });
    const [located, unlocated, gone] = (await f.addPeople([
      { usageLocation: "SE" },
      { name: "No Place" },
      { active: false, name: "Gone" },
    ])) as string[];
    const lync = await f.productId("lync-p2");
    const apply = (over: Partial<Parameters<typeof applyBulkChange>[2]>) =>
      applyBulkChange(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personIds: [located as string],
        add: [lync],
        mode: "add",
        actor: admin,
        ...over,
      });
    expect(await apply({ personIds: [] })).toEqual({ ok: false, code: "BULK_EMPTY" });
    expect(await apply({ add: [], remove: [] })).toEqual({ ok: false, code: "BULK_EMPTY" });
    expect(await apply({ remove: [lync] })).toEqual({ ok: false, code: "BULK_CONFLICT", products: [lync] });
    expect(await apply({ add: ["nope"] })).toEqual({ ok: false, code: "UNKNOWN_PRODUCT", ids: ["nope"] });
    expect(await apply({ personIds: ["00000000-0000-4000-8000-000000000000"] })).toMatchObject({
      code: "UNKNOWN_PERSON",
    });
    expect(await apply({ personIds: [gone as string] })).toMatchObject({
      code: "PERSON_DEACTIVATED",
      people: [{ name: "Gone" }],
    });
    expect(await apply({ personIds: [located as string, unlocated as string] })).toMatchObject({
      code: "USAGE_LOCATION_REQUIRED",
      people: [{ name: "No Place" }],
    });
  });

  it("a replace over 2,000 people is applied whole", async () => {
    const f = await createFixture(t.db, {
      catalog: {
        products: ["a", "b", "c", "d"].map((key) => ({
          key,
          name: `Product ${key}`,
          purchasedSeats: 5000,
          plans: [{ key: "mail", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
        })),
      },
    });
    const people = await f.addPeople(Array.from({ length: 2000 }, () => ({})));
    const id = {
      a: await f.productId("a"),
      b: await f.productId("b"),
      c: await f.productId("c"),
      d: await f.productId("d"),
    };
    const first = await applyBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [id.a, id.d],
      mode: "replace",
      actor: admin,
    });
    expect(first).toMatchObject({ ok: true, added: 4000 });
    const second = await applyBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [id.a, id.b, id.c],
      mode: "replace",
      actor: admin,
    });
    expect(second).toMatchObject({
      ok: true,
      added: 4000,
      removed: 2000,
      // Every product carries the same mailbox service, which a and the new ones still turn on.
      windowsOpened: 0,
      peopleChanged: 2000,
    });
    expect(await counterMatchesRows(f.workspaceId)).toBe(true);
    const sample = await held(people.slice(0, 3));
    expect(sample).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
  });
});

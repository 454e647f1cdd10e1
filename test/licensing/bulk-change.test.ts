import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  products,
  restoreWindows,
  serviceData,
  services,
} from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { previewBulkChange } from "../../src/licensing/bulk/preview-bulk-change.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, type Fixture } from "../helpers/factories.ts";

const t = useTestDatabase({ poolMax: 12 });

async function held(personIds: string[]) {
  const rows = await t.db
    .select({ personId: assignments.personId, key: products.key })
    .from(assignments)
    .innerJoin(products, eq(products.id, assignments.productId))
    .where(inArray(assignments.personId, personIds));
  return personIds.map((id) =>
    rows
      .filter((r) => r.personId === id)
      .map((r) => r.key)
      .sort(),
  );
}

async function counterMatchesRows(workspaceId: string) {
  const rows = await t.db.execute(sql`
    select p.key, p.assigned_seats as counter, count(a.id)::int as rows
    from products p left join assignments a on a.product_id = p.id
    where p.workspace_id = ${workspaceId} group by p.id`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
    counter: number;
    rows: number;
  }[];
  return list.every((r) => r.counter === r.rows);
}

/** Three people: one holding office, one holding exchange-p1 with a 500 MB mailbox, one with nothing. */
async function office(f: Fixture) {
  const [a, b, c] = (await f.addPeople([{ name: "Ada" }, { name: "Bo" }, { name: "Cy" }])) as [
    string,
    string,
    string,
  ];
  const ids = {
    office: await f.productId("office"),
    exchange: await f.productId("exchange-p1"),
    lync: await f.productId("lync-p2"),
  };
  const base = { workspaceId: f.workspaceId, actor: admin };
  await assignProduct(t.db, f.clock, { ...base, personId: a, productId: ids.office });
  await assignProduct(t.db, f.clock, { ...base, personId: b, productId: ids.exchange });
  await setMailboxSize(t.db, f.clock, { ...base, personId: b, productId: ids.exchange, sizeMb: 500 });
  return { people: [a, b, c] as [string, string, string], ids };
}

describe("previewBulkChange", () => {
  it("lists per person what is added, kept and removed, the seats, and every data loss, changing nothing", async () => {
    const f = await createFixture(t.db);
    const { people, ids } = await office(f);
    const preview = await previewBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [ids.lync],
      mode: "replace",
    });
    if (!preview.ok) throw new Error(preview.code);
    expect(
      preview.people.map((p) => [
        p.person.name,
        p.added.map((x) => x.key),
        p.kept.map((x) => x.key),
        p.removed.map((x) => x.key),
      ]),
    ).toEqual([
      ["Ada", ["lync-p2"], [], ["office"]],
      ["Bo", ["lync-p2"], [], ["exchange-p1"]],
      ["Cy", ["lync-p2"], [], []],
    ]);
    expect(preview.products.find((p) => p.product.key === "lync-p2")).toMatchObject({
      adding: 3,
      removing: 0,
      availableBefore: 5,
      availableAfter: 2,
      missing: 0,
    });
    expect(preview.shortfalls).toEqual([]);
    expect(
      preview.dataLoss.map((w) => [
        w.person.name,
        w.product.key,
        w.lost.map((l) => [l.service.key, l.mailboxSizeMb]),
      ]),
    ).toEqual([
      // Lync Plan 2, which replaces Office, carries Lync Online too: Ada's meetings stay.
      [
        "Ada",
        "office",
        [
          ["exchange", 0],
          ["office-apps", null],
        ],
      ],
      ["Bo", "exchange-p1", [["exchange", 500]]],
    ]);
    expect(preview.dataLoss[0]?.goneForGoodAt).toEqual(new Date("2026-04-01T10:00:00Z"));
    expect(await held(people)).toEqual([["office"], ["exchange-p1"], []]);
  });

  it("shows the shortfall per product", async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople(Array.from({ length: 7 }, () => ({})));
    const preview = await previewBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [await f.productId("lync-p2"), await f.productId("office")],
      mode: "add",
    });
    expect(preview).toMatchObject({
      ok: true,
      shortfalls: [{ product: { key: "lync-p2" }, adding: 7, availableBefore: 5, missing: 2 }],
    });
  });
});

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

describe("bulk changes under concurrency", () => {
  it("overlapping bulks never oversubscribe, never deadlock forever, and keep counters equal to rows", async () => {
    const f = await createFixture(t.db, {
      catalog: {
        products: ["p", "q", "r"].map((key) => ({
          key,
          name: `Product ${key}`,
          purchasedSeats: 30,
          plans: [{ key: "mail", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
        })),
      },
    });
    const people = await f.addPeople(Array.from({ length: 60 }, () => ({})));
    const [p, q, r] = [await f.productId("p"), await f.productId("q"), await f.productId("r")];
    const groups = [
      people.slice(0, 20),
      people.slice(10, 30),
      people.slice(20, 40),
      people.slice(30, 50),
      people.slice(40, 60),
    ];
    const productSets = [[p, q], [q, r], [r, p], [p, q, r], [q]];
    const results = await Promise.all(
      groups.flatMap((group, i) => [
        applyBulkChange(t.db, f.clock, {
          workspaceId: f.workspaceId,
          personIds: group,
          add: productSets[i] as string[],
          mode: "replace",
          actor: admin,
        }),
        assignProduct(t.db, f.clock, {
          workspaceId: f.workspaceId,
          personId: group[0] as string,
          productId: r,
          actor: admin,
        }),
      ]),
    );
    expect(results.length).toBe(10);
    expect(await counterMatchesRows(f.workspaceId)).toBe(true);
    const seats = await t.db.select().from(products).where(eq(products.workspaceId, f.workspaceId));
    expect(seats.every((s) => s.assignedSeats <= s.purchasedSeats)).toBe(true);
  });
});

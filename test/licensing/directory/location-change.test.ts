import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  people,
  products,
  restoreWindows,
  serviceData,
  services,
} from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { addDays } from "../../../src/licensing/clock.ts";
import { setUsageLocation } from "../../../src/licensing/directory/set-usage-location.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture, type Fixture } from "../../helpers/factories.ts";

const t = useTestDatabase();

/** The person's service data by service key: its status, and its window's purge date. */
async function dataOf(personId: string) {
  const rows = await t.db
    .select({ key: services.key, status: serviceData.status, windowId: serviceData.restoreWindowId })
    .from(serviceData)
    .innerJoin(services, eq(services.id, serviceData.serviceId))
    .where(eq(serviceData.personId, personId));
  return Object.fromEntries(rows.map((r) => [r.key, r.status]));
}

async function withOffice(f: Fixture, usageLocation: string, keys = ["office"]) {
  const personId = await f.addPerson({ name: "Wei", usageLocation });
  for (const key of keys) {
    const assigned = await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId(key),
      actor: admin,
    });
    if (!assigned.ok) throw new Error(assigned.code);
  }
  return personId;
}

describe("a change of usage location re-evaluates services (rule 4)", () => {
  it("refuses to take data away unconfirmed, naming what goes and when, and changes nothing", async () => {
    const f = await createFixture(t.db);
    const personId = await withOffice(f, "SE");
    const outcome = await setUsageLocation(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      usageLocation: "CN",
      actor: admin,
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: "LOCATION_CHANGE_LOSES_DATA",
      warning: {
        person: { id: personId, name: "Wei" },
        from: "SE",
        to: "CN",
        goneForGoodAt: addDays(f.clock.now(), 30),
        lost: [{ service: { key: "lync" }, product: { key: "office" } }],
        survives: [],
      },
    });
    const [person] = await t.db.select().from(people).where(eq(people.id, personId));
    expect(person?.usageLocation).toBe("SE");
    expect((await dataOf(personId)).lync).toBe("active");
    expect(
      await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId)),
    ).toHaveLength(0);
  });

  it("once confirmed, turns off what the new location does not run into a restore window, audited, seats untouched", async () => {
    const f = await createFixture(t.db);
    const personId = await withOffice(f, "SE", ["office", "lync-p2"]);
    const outcome = await setUsageLocation(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      usageLocation: "CN",
      actor: admin,
      confirmedLosses: ["lync"],
    });
    expect(outcome).toMatchObject({ ok: true, before: "SE", usageLocation: "CN", turnedOn: [] });
    if (!outcome.ok) throw new Error("unreachable");
    // The service two held products carry goes once, under one of them.
    expect(outcome.warning.lost).toHaveLength(1);
    expect(await dataOf(personId)).toEqual({
      exchange: "active",
      sharepoint: "active",
      "office-apps": "active",
      lync: "retained",
    });
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(windows).toMatchObject([{ status: "open", purgeAt: addDays(f.clock.now(), 30) }]);
    expect(outcome.restoreWindowIds).toEqual([windows[0]?.id]);
    const seats = await t.db
      .select({ assigned: products.assignedSeats })
      .from(products)
      .where(eq(products.workspaceId, f.workspaceId));
    expect(seats.reduce((n, s) => n + s.assigned, 0)).toBe(2);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, personId), eq(auditLog.action, "person.usage_location_set")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor: admin.userId,
      before: { usageLocation: "SE" },
      after: {
        usageLocation: "CN",
        lost: [{ service: { key: "lync" } }],
        restoreWindowIds: [windows[0]?.id],
      },
    });
  });

  it("turns on what the new location runs: data waiting in the window comes back and the window closes", async () => {
    const f = await createFixture(t.db);
    const personId = await withOffice(f, "SE");
    const base = { workspaceId: f.workspaceId, personId, actor: admin };
    await setUsageLocation(t.db, f.clock, { ...base, usageLocation: "CN", confirmedLosses: ["lync"] });
    const back = await setUsageLocation(t.db, f.clock, { ...base, usageLocation: "SE" });
    expect(back).toMatchObject({
      ok: true,
      turnedOn: [{ key: "lync", name: "Lync Online" }],
      restoreWindowIds: [],
    });
    expect((await dataOf(personId)).lync).toBe("active");
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(windows).toMatchObject([{ status: "restored" }]);
  });

  it("turns on a service the old location never ran, with no warning", async () => {
    const f = await createFixture(t.db);
    const personId = await withOffice(f, "CN");
    expect((await dataOf(personId)).lync).toBeUndefined();
    const moved = await setUsageLocation(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      usageLocation: "US",
      actor: admin,
    });
    expect(moved).toMatchObject({ ok: true, turnedOn: [{ key: "lync" }], warning: { lost: [] } });
    expect((await dataOf(personId)).lync).toBe("active");
  });

  it("reads a person without a location of their own as at the workspace default", async () => {
    const f = await createFixture(t.db, { defaultUsageLocation: "SE" });
    const personId = await withOffice(f, "SE");
    await t.db.update(people).set({ usageLocation: null }).where(eq(people.id, personId));
    const outcome = await setUsageLocation(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      usageLocation: "IR",
      actor: admin,
    });
    expect(outcome).toMatchObject({ code: "LOCATION_CHANGE_LOSES_DATA", warning: { from: "SE", to: "IR" } });
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminNotifications, assignments, auditLog, restoreWindows } from "../../../src/db/schema/index.ts";
import { systemActor } from "../../../src/licensing/actor.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { personDeactivated } from "../../../src/licensing/directory/person-deactivated.ts";
import { personJoined } from "../../../src/licensing/directory/person-joined.ts";
import { personReactivated } from "../../../src/licensing/directory/person-reactivated.ts";
import { restoreProduct } from "../../../src/licensing/restore-product.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();

const event = systemActor("event", "Ev123");

/** A join as the directory event makes it, which rule 10 allows: the refusal is not among its outcomes here. */
async function join(...args: Parameters<typeof personJoined>) {
  const joined = await personJoined(...args);
  if (!joined.ok) throw new Error(`the join was refused: ${joined.code}`);
  return joined;
}

const defaultsCatalog = (officeSeats: number) => ({
  products: [
    {
      key: "office",
      name: "Office",
      purchasedSeats: officeSeats,
      isDefault: true,
      plans: [{ key: "exchange", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
    },
    {
      key: "lync",
      name: "Lync",
      purchasedSeats: 10,
      isDefault: true,
      plans: [{ key: "lync", name: "Lync Online", kind: "meetings", dataDescription: "Meetings" }],
    },
    {
      key: "extra",
      name: "Extra",
      purchasedSeats: 10,
      plans: [{ key: "x", name: "X", kind: "meetings", dataDescription: "X" }],
    },
  ],
});

describe("personJoined", () => {
  it("assigns every default product, once however often the join is seen", async () => {
    const f = await createFixture(t.db, { catalog: defaultsCatalog(5) });
    const person = { slackUserId: "UNEW1", name: "New Person" };
    const first = await join(t.db, f.clock, { workspaceId: f.workspaceId, person, actor: event });
    expect(first).toMatchObject({ ok: true, outcome: "assigned" });
    expect(first.assigned.map((p) => p.key).sort()).toEqual(["lync", "office"]);
    const again = await Promise.all(
      [1, 2, 3].map(() => join(t.db, f.clock, { workspaceId: f.workspaceId, person, actor: event })),
    );
    expect(again.map((r) => r.outcome)).toEqual(["already_handled", "already_handled", "already_handled"]);
    const held = await t.db.select().from(assignments).where(eq(assignments.personId, first.personId));
    expect(held).toHaveLength(2);
  });

  it("gives none of the defaults when one lacks a seat, and tells the admins once", async () => {
    const f = await createFixture(t.db, { catalog: defaultsCatalog(1) });
    await join(t.db, f.clock, {
      workspaceId: f.workspaceId,
      person: { slackUserId: "UA", name: "A" },
      actor: event,
    });
    const person = { slackUserId: "UB", name: "B" };
    const result = await join(t.db, f.clock, { workspaceId: f.workspaceId, person, actor: event });
    expect(result).toMatchObject({ ok: true, outcome: "admins_notified", assigned: [] });
    await join(t.db, f.clock, { workspaceId: f.workspaceId, person, actor: event });
    expect(await t.db.select().from(assignments).where(eq(assignments.personId, result.personId))).toEqual(
      [],
    );
    const notes = await t.db
      .select()
      .from(adminNotifications)
      .where(eq(adminNotifications.workspaceId, f.workspaceId));
    expect(notes).toMatchObject([
      {
        kind: "defaults_not_assigned",
        payload: {
          person: { name: "B" },
          reason: { code: "NO_SEATS_LEFT", shortfalls: [{ product: { key: "office" }, missing: 1 }] },
        },
      },
    ]);
  });

  it("does nothing when no product is a default", async () => {
    const f = await createFixture(t.db, { catalog: { products: [defaultsCatalog(1).products[2]] } });
    const result = await join(t.db, f.clock, {
      workspaceId: f.workspaceId,
      person: { slackUserId: "UC", name: "C" },
      actor: event,
    });
    expect(result.outcome).toBe("no_defaults");
  });
});

describe("personDeactivated and personReactivated", () => {
  it("removes every license into restore windows, tells the admins, and allows a restore after return", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ slackUserId: "ULEAVER", name: "Leaver" });
    const office = await f.productId("office");
    const exchange = await f.productId("exchange-p1");
    for (const productId of [office, exchange]) {
      await assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin });
    }
    const left = await personDeactivated(t.db, f.clock, {
      workspaceId: f.workspaceId,
      slackUserId: "ULEAVER",
      actor: event,
    });
    expect(left).toMatchObject({ ok: true, alreadyInactive: false });
    if (!left.ok) throw new Error("unreachable");
    expect(left.removed.map((w) => w.product.key).sort()).toEqual(["exchange-p1", "office"]);
    expect(left.removed[0]?.goneForGoodAt).toEqual(new Date("2026-04-01T10:00:00Z"));
    expect(await t.db.select().from(assignments).where(eq(assignments.personId, personId))).toEqual([]);
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(windows.map((w) => w.status)).toEqual(["open", "open"]);
    const notes = await t.db
      .select()
      .from(adminNotifications)
      .where(eq(adminNotifications.workspaceId, f.workspaceId));
    expect(notes.map((n) => n.kind)).toEqual(["offboarded_data_at_risk"]);

    const again = await personDeactivated(t.db, f.clock, {
      workspaceId: f.workspaceId,
      slackUserId: "ULEAVER",
      actor: event,
    });
    expect(again).toMatchObject({ ok: true, alreadyInactive: true, removed: [] });
    expect(
      await restoreProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personId,
        productId: office,
        actor: admin,
      }),
    ).toMatchObject({
      ok: false,
      code: "PERSON_DEACTIVATED",
    });

    f.clock.advanceDays(10);
    const back = await personReactivated(t.db, f.clock, {
      workspaceId: f.workspaceId,
      slackUserId: "ULEAVER",
      actor: event,
    });
    expect(back).toMatchObject({ ok: true });
    if (!back.ok) throw new Error("unreachable");
    expect(back.openWindows.map((w) => [w.product.key, w.daysLeft]).sort()).toEqual([
      ["exchange-p1", 20],
      ["office", 20],
    ]);
    expect(
      await restoreProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personId,
        productId: office,
        actor: admin,
      }),
    ).toMatchObject({
      ok: true,
      restored: true,
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "person.deactivated")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "person.reactivated")).toHaveLength(1);
  });

  it("an unknown person is UNKNOWN_PERSON", async () => {
    const f = await createFixture(t.db);
    expect(
      await personDeactivated(t.db, f.clock, {
        workspaceId: f.workspaceId,
        slackUserId: "UNOBODY",
        actor: event,
      }),
    ).toEqual({
      ok: false,
      code: "UNKNOWN_PERSON",
    });
  });
});

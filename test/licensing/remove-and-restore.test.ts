import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, products, restoreWindows, serviceData } from "../../src/db/schema/index.ts";
import { systemActor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { previewRemoval } from "../../src/licensing/preview-removal.ts";
import { purgeExpiredWindows } from "../../src/licensing/purge-expired-windows.ts";
import { registerDevice } from "../../src/licensing/register-device.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { restoreProduct } from "../../src/licensing/restore-product.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

/** A person holding Office with a 2,048 MB mailbox and one Office install. */
async function licensedPerson(options: { restoreWindowDays?: number } = {}) {
  const f = await createFixture(t.db, options);
  const personId = await f.addPerson({ name: "Anna Svensson", usageLocation: "SE" });
  const productId = await f.productId("office");
  const input = { workspaceId: f.workspaceId, personId, productId, actor: admin };
  const assigned = await assignProduct(t.db, f.clock, input);
  if (!assigned.ok) throw new Error(assigned.code);
  await setMailboxSize(t.db, f.clock, { ...input, sizeMb: 2048 });
  await registerDevice(t.db, f.clock, { ...input, deviceName: "anna-macbook" });
  return { f, input };
}

describe("previewRemoval", () => {
  it("names whose data goes, which, and the date it is gone for good, changing nothing", async () => {
    const { f, input } = await licensedPerson();
    const preview = await previewRemoval(t.db, f.clock, input);
    expect(preview).toMatchObject({
      ok: true,
      warning: {
        person: { name: "Anna Svensson" },
        product: { key: "office", name: "Office 365 Small Business Premium" },
        removedAt: new Date("2026-03-02T10:00:00Z"),
        goneForGoodAt: new Date("2026-04-01T10:00:00Z"),
        restoreWindowDays: 30,
        survives: [{ service: { key: "sharepoint" }, description: "Documents saved on the team site" }],
      },
    });
    if (!preview.ok) throw new Error("unreachable");
    expect(preview.warning.lost.map((l) => [l.service.key, l.mailboxSizeMb, l.devices])).toEqual([
      ["exchange", 2048, 0],
      ["lync", null, 0],
      ["office-apps", null, 1],
    ]);
    const [product] = await t.db.select().from(products).where(eq(products.id, input.productId));
    expect(product?.assignedSeats).toBe(1);
  });

  it("says NOT_ASSIGNED for a license the person does not hold", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const result = await previewRemoval(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office"),
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_ASSIGNED", person: {}, product: {} });
  });
});

describe("removeProduct", () => {
  it("frees the seat at once and keeps the data in a window that ends after the workspace's days", async () => {
    const { f, input } = await licensedPerson({ restoreWindowDays: 14 });
    const removed = await removeProduct(t.db, f.clock, input);
    expect(removed).toMatchObject({
      ok: true,
      seats: { assigned: 0, available: 10, purchased: 10 },
      warning: { goneForGoodAt: new Date("2026-03-16T10:00:00Z") },
    });
    if (!removed.ok) throw new Error("unreachable");
    const [window] = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, input.personId));
    expect(window).toMatchObject({
      status: "open",
      purgeAt: new Date("2026-03-16T10:00:00Z"),
      removedBy: "UADMIN",
    });
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, input.personId));
    expect(data.filter((d) => d.status === "retained").map((d) => d.restoreWindowId)).toEqual(
      Array(3).fill(removed.restoreWindowId),
    );
    expect(data.filter((d) => d.status === "kept").map((d) => d.restoreWindowId)).toEqual([null]);
    expect(window?.id).toBe(removed.restoreWindowId);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.find((a) => a.action === "license.removed")?.after).toMatchObject({
      restoreWindowId: removed.restoreWindowId,
    });
    expect(await removeProduct(t.db, f.clock, input)).toMatchObject({
      ok: false,
      code: "NOT_ASSIGNED",
      person: { id: input.personId },
      product: { id: input.productId },
    });
  });

  it("opens no window when all the data outlives the license, and keeps it switched off", async () => {
    const f = await createFixture(t.db, {
      catalog: {
        products: [
          {
            key: "sites",
            name: "Team sites",
            purchasedSeats: 5,
            plans: [
              {
                key: "sharepoint",
                name: "SharePoint",
                kind: "team_site",
                dataDescription: "Documents",
                dataSurvivesRemoval: true,
              },
            ],
          },
        ],
      },
    });
    const personId = await f.addPerson();
    const input = {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("sites"),
      actor: admin,
    };
    if (!(await assignProduct(t.db, f.clock, input)).ok) throw new Error("not assigned");
    expect(await removeProduct(t.db, f.clock, input)).toMatchObject({ ok: true, restoreWindowId: null });
    expect(await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId))).toEqual([]);
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, personId));
    expect(data.map((d) => [d.status, d.restoreWindowId])).toEqual([["kept", null]]);
  });
});

describe("restoring inside the window", () => {
  it("brings back the same mailbox with its size, and the installs", async () => {
    const { f, input } = await licensedPerson();
    const [mailboxBefore] = await t.db
      .select()
      .from(serviceData)
      .where(eq(serviceData.personId, input.personId))
      .then((rows) => rows.filter((r) => r.mailboxSizeMb !== null));
    await removeProduct(t.db, f.clock, input);
    f.clock.advanceDays(29);
    const restored = await restoreProduct(t.db, f.clock, input);
    expect(restored).toMatchObject({ ok: true, restored: true });
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, input.personId));
    const mailboxAfter = data.find((d) => d.mailboxSizeMb !== null);
    // The same mailbox: never re-provisioned, so it keeps the date it was first created.
    expect(mailboxAfter).toMatchObject({
      serviceId: mailboxBefore?.serviceId,
      provisionedAt: new Date("2026-03-02T10:00:00Z"),
      mailboxSizeMb: 2048,
      status: "active",
    });
    expect(data.every((d) => d.status === "active" && d.restoreWindowId === null)).toBe(true);
    const [window] = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, input.personId));
    expect(window?.status).toBe("restored");
    expect(await registerDevice(t.db, f.clock, { ...input, deviceName: "anna-macbook" })).toEqual({
      ok: false,
      code: "DEVICE_ALREADY_REGISTERED",
    });
    // A name over the limit is refused with the limit, not cut to fit.
    expect(await registerDevice(t.db, f.clock, { ...input, deviceName: "m".repeat(101) })).toEqual({
      ok: false,
      code: "TEXT_TOO_LONG",
      field: "device_name",
      max: 100,
    });
  });

  it("a plain assign inside the window restores too", async () => {
    const { f, input } = await licensedPerson();
    await removeProduct(t.db, f.clock, input);
    f.clock.advanceDays(3);
    expect(await assignProduct(t.db, f.clock, input)).toMatchObject({ ok: true, restored: true });
  });
});

describe("after the window", () => {
  it("restore says WINDOW_CLOSED with the date, and a new assignment starts with an empty mailbox", async () => {
    const { f, input } = await licensedPerson();
    await removeProduct(t.db, f.clock, input);
    f.clock.advanceDays(31);
    expect(await restoreProduct(t.db, f.clock, input)).toMatchObject({
      ok: false,
      code: "WINDOW_CLOSED",
      person: { id: input.personId },
      product: { id: input.productId },
      purgedAt: new Date("2026-04-01T10:00:00Z"),
    });
    const fresh = await assignProduct(t.db, f.clock, input);
    expect(fresh).toMatchObject({ ok: true, restored: false });
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, input.personId));
    expect(data.find((d) => d.mailboxSizeMb !== null)?.mailboxSizeMb).toBe(0);
    const [window] = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, input.personId));
    expect(window?.status).toBe("purged");
  });

  it("restore without any earlier removal says there is nothing to restore", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const result = await restoreProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office"),
      actor: admin,
    });
    expect(result).toMatchObject({ ok: false, code: "NOTHING_TO_RESTORE", person: {}, product: {} });
  });
});

describe("purgeExpiredWindows", () => {
  it("deletes retained data of due windows once, keeps documents, and audits each window", async () => {
    const { f, input } = await licensedPerson();
    await removeProduct(t.db, f.clock, input);
    f.clock.advanceDays(29);
    const early = await purgeExpiredWindows(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: systemActor("job"),
    });
    expect(early.purged).toEqual([]);
    f.clock.advanceDays(1);
    const due = await purgeExpiredWindows(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: systemActor("job"),
    });
    expect(due.purged).toMatchObject([{ personId: input.personId, deletedServiceData: 3 }]);
    const again = await purgeExpiredWindows(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: systemActor("job"),
    });
    expect(again.purged).toEqual([]);
    const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, input.personId));
    expect(data.map((d) => d.status)).toEqual(["kept"]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "restore_window.purged")).toHaveLength(1);
  });

  it("a restore racing a purge of the same window: exactly one wins, never a restored person with purged data", async () => {
    for (let round = 0; round < 6; round++) {
      const { f, input } = await licensedPerson();
      await removeProduct(t.db, f.clock, input);
      const windowEnd = new Date("2026-04-01T10:00:00Z").getTime();
      // The restore acts a moment before the end, the purge a moment after: both believe they may.
      const restoreClock = { now: () => new Date(windowEnd - 1) };
      const purgeClock = { now: () => new Date(windowEnd + 1) };
      const [restored, purged] = await Promise.all([
        restoreProduct(t.db, restoreClock, input),
        purgeExpiredWindows(t.db, purgeClock, { workspaceId: f.workspaceId, actor: systemActor("job") }),
      ]);
      const [window] = await t.db
        .select()
        .from(restoreWindows)
        .where(eq(restoreWindows.personId, input.personId));
      const data = await t.db.select().from(serviceData).where(eq(serviceData.personId, input.personId));
      if (restored.ok) {
        expect(purged.purged).toEqual([]);
        expect(window?.status).toBe("restored");
        expect(data.find((d) => d.mailboxSizeMb !== null)?.mailboxSizeMb).toBe(2048);
      } else {
        expect(restored).toMatchObject({ code: "WINDOW_CLOSED" });
        expect(purged.purged).toHaveLength(1);
        expect(window?.status).toBe("purged");
        expect(data.map((d) => d.status)).toEqual(["kept"]);
      }
    }
  });
});

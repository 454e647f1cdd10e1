import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { restoreWindows, serviceData, services } from "../../src/db/schema/index.ts";
import { systemActor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { previewBulkChange } from "../../src/licensing/bulk/preview-bulk-change.ts";
import { personDeactivated } from "../../src/licensing/directory/person-deactivated.ts";
import { exportWorkspace } from "../../src/licensing/export/export-workspace.ts";
import { getPersonLicenses } from "../../src/licensing/get-person-licenses.ts";
import { listEndingWindows } from "../../src/licensing/home/list-ending-windows.ts";
import { previewRemoval } from "../../src/licensing/preview-removal.ts";
import { purgeExpiredWindows } from "../../src/licensing/purge-expired-windows.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { restoreProduct } from "../../src/licensing/restore-product.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

/**
 * Anna holds Office 365 Small Business Premium and Exchange Online Plan 1: both carry Exchange
 * Online, so she has one mailbox (1,024 MB) that stays while she holds either.
 */
async function twoExchangeProducts() {
  const f = await createFixture(t.db);
  const personId = await f.addPerson({ name: "Anna Svensson", slackUserId: "UANNA", usageLocation: "SE" });
  const office = await f.productId("office");
  const exchange = await f.productId("exchange-p1");
  const base = { workspaceId: f.workspaceId, personId, actor: admin };
  for (const productId of [office, exchange]) {
    const assigned = await assignProduct(t.db, f.clock, { ...base, productId });
    if (!assigned.ok) throw new Error(assigned.code);
  }
  await setMailboxSize(t.db, f.clock, { ...base, productId: exchange, sizeMb: 1024 });
  return { f, personId, office, exchange, base };
}

async function mailboxOf(personId: string) {
  const rows = await t.db
    .select({
      status: serviceData.status,
      sizeMb: serviceData.mailboxSizeMb,
      windowId: serviceData.restoreWindowId,
    })
    .from(serviceData)
    .innerJoin(services, eq(services.id, serviceData.serviceId))
    .where(and(eq(serviceData.personId, personId), eq(services.kind, "mailbox")));
  return rows;
}

async function retainedKeys(personId: string) {
  const rows = await t.db
    .select({ key: services.key })
    .from(serviceData)
    .innerJoin(services, eq(services.id, serviceData.serviceId))
    .where(and(eq(serviceData.personId, personId), eq(serviceData.status, "retained")));
  return rows.map((r) => r.key).sort();
}

const keys = (items: { service: { key: string } }[]) => items.map((i) => i.service.key);

describe("a service two products carry", () => {
  it("is one mailbox, listed under both products", async () => {
    const { f, personId } = await twoExchangeProducts();
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
    const licenses = await getPersonLicenses(t.db, f.clock, { workspaceId: f.workspaceId, personId });
    if (!licenses.ok) throw new Error(licenses.code);
    for (const license of licenses.licenses) {
      expect(license.enabled.find((s) => s.kind === "mailbox")).toMatchObject({ mailboxSizeMb: 1024 });
    }
  });

  it("single removal: the warning and the removal lose only what no kept product carries", async () => {
    const { f, personId, office, base } = await twoExchangeProducts();
    const preview = await previewRemoval(t.db, f.clock, { ...base, productId: office });
    if (!preview.ok) throw new Error(preview.code);
    expect(keys(preview.warning.lost)).toEqual(["lync", "office-apps"]);

    const removed = await removeProduct(t.db, f.clock, { ...base, productId: office });
    if (!removed.ok) throw new Error(removed.code);
    expect(keys(removed.warning.lost)).toEqual(["lync", "office-apps"]);
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
    expect(await retainedKeys(personId)).toEqual(["lync", "office-apps"]);

    // `/license show` afterwards: the mailbox is on through Exchange Online Plan 1, and the window
    // holds only what was really lost.
    const licenses = await getPersonLicenses(t.db, f.clock, { workspaceId: f.workspaceId, personId });
    if (!licenses.ok) throw new Error(licenses.code);
    expect(licenses.licenses.map((l) => [l.product.key, l.enabled.map((s) => s.key)])).toEqual([
      ["exchange-p1", ["exchange"]],
    ]);
    expect(licenses.openWindows.map((w) => w.retained.map((s) => s.key))).toEqual([["lync", "office-apps"]]);
  });

  it("a removal that loses nothing opens no window", async () => {
    const { f, personId, exchange, base } = await twoExchangeProducts();
    const removed = await removeProduct(t.db, f.clock, { ...base, productId: exchange });
    expect(removed).toMatchObject({ ok: true, restoreWindowId: null, warning: { lost: [] } });
    expect(await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId))).toEqual([]);
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
  });

  it("the mailbox goes with the last product that carries it, and comes back through any of them", async () => {
    const { f, personId, office, exchange, base } = await twoExchangeProducts();
    await removeProduct(t.db, f.clock, { ...base, productId: exchange });
    const last = await removeProduct(t.db, f.clock, { ...base, productId: office });
    if (!last.ok) throw new Error(last.code);
    expect(keys(last.warning.lost)).toEqual(["exchange", "lync", "office-apps"]);
    expect(await mailboxOf(personId)).toMatchObject([{ status: "retained", sizeMb: 1024 }]);

    // Exchange Online Plan 1 was not the license removed last, and still brings the mailbox back.
    f.clock.advanceDays(10);
    const restored = await assignProduct(t.db, f.clock, { ...base, productId: exchange });
    expect(restored).toMatchObject({ ok: true, restored: true });
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
    // Office's window still holds what Exchange Online Plan 1 does not carry.
    const [window] = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(window).toMatchObject({ productId: office, status: "open" });
    expect(await retainedKeys(personId)).toEqual(["lync", "office-apps"]);

    // Office again brings back the rest, and the window, now empty, closes as restored.
    const rest = await restoreProduct(t.db, f.clock, { ...base, productId: office });
    expect(rest).toMatchObject({ ok: true, restored: true });
    const [closed] = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(closed).toMatchObject({ status: "restored" });
    expect(await retainedKeys(personId)).toEqual([]);
  });

  it("a window whose data all came back through another product is closed as restored", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ usageLocation: "SE" });
    const base = { workspaceId: f.workspaceId, personId, actor: admin };
    const exchange = await f.productId("exchange-p1");
    await assignProduct(t.db, f.clock, { ...base, productId: exchange });
    await removeProduct(t.db, f.clock, { ...base, productId: exchange });
    const office = await f.productId("office-sb");
    expect(await assignProduct(t.db, f.clock, { ...base, productId: office })).toMatchObject({
      ok: true,
      restored: true,
    });
    const [window] = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(window).toMatchObject({ productId: exchange, status: "restored" });
    // The restore button on that window has nothing left to bring back.
    expect(await restoreProduct(t.db, f.clock, { ...base, productId: exchange })).toMatchObject({
      ok: false,
      code: "NOTHING_TO_RESTORE",
    });
  });

  it("bulk replace that swaps one Exchange product for another warns of nothing for the mailbox", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ usageLocation: "SE" });
    const base = { workspaceId: f.workspaceId, personId, actor: admin };
    const exchange = await f.productId("exchange-p1");
    const officeSb = await f.productId("office-sb");
    await assignProduct(t.db, f.clock, { ...base, productId: exchange });
    await setMailboxSize(t.db, f.clock, { ...base, productId: exchange, sizeMb: 700 });
    const request = {
      workspaceId: f.workspaceId,
      personIds: [personId],
      add: [officeSb],
      mode: "replace" as const,
    };
    const preview = await previewBulkChange(t.db, f.clock, request);
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.dataLoss.map((w) => [w.product.key, keys(w.lost), keys(w.survives)])).toEqual([
      ["exchange-p1", [], []],
    ]);
    const applied = await applyBulkChange(t.db, f.clock, { ...request, actor: admin });
    expect(applied).toMatchObject({ ok: true, added: 1, removed: 1, windowsOpened: 0 });
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 700, windowId: null }]);
  });

  it("bulk add with a removal keeps the mailbox another held product carries", async () => {
    const { f, personId, office } = await twoExchangeProducts();
    const request = {
      workspaceId: f.workspaceId,
      personIds: [personId],
      add: [],
      remove: [office],
      mode: "add" as const,
    };
    const preview = await previewBulkChange(t.db, f.clock, request);
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.dataLoss.map((w) => keys(w.lost))).toEqual([["lync", "office-apps"]]);
    expect(await applyBulkChange(t.db, f.clock, { ...request, actor: admin })).toMatchObject({
      ok: true,
      windowsOpened: 1,
    });
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
  });

  it("offboarding names the mailbox once and keeps it in one window", async () => {
    const { f, personId, exchange } = await twoExchangeProducts();
    const left = await personDeactivated(t.db, f.clock, {
      workspaceId: f.workspaceId,
      slackUserId: "UANNA",
      actor: systemActor("event"),
    });
    if (!left.ok) throw new Error(left.code);
    const lost = left.removed.flatMap((w) => keys(w.lost)).sort();
    expect(lost).toEqual(["exchange", "lync", "office-apps"]);
    // One mailbox, waiting in the window of Exchange Online Plan 1, the product most plainly about it.
    expect(left.removed.map((w) => [w.product.key, keys(w.lost)]).sort()).toEqual([
      ["exchange-p1", ["exchange"]],
      ["office", ["lync", "office-apps"]],
    ]);
    const mailbox = await mailboxOf(personId);
    expect(mailbox).toMatchObject([{ status: "retained", sizeMb: 1024 }]);
    const windows = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
    expect(windows.find((w) => w.id === mailbox[0]?.windowId)?.productId).toBe(exchange);
  });

  it("reminders, the home and the export list only what was lost; the purge deletes only that", async () => {
    const { f, personId, office, base } = await twoExchangeProducts();
    await removeProduct(t.db, f.clock, { ...base, productId: office });
    f.clock.advanceDays(27);
    const ending = await listEndingWindows(t.db, f.clock, { workspaceId: f.workspaceId, days: 7, limit: 10 });
    expect(ending.rows.map((w) => w.lost.map((l) => l.service.key))).toEqual([["lync", "office-apps"]]);
    const files = await exportWorkspace(t.db, { workspaceId: f.workspaceId });
    const windows = files.find((file) => file.table === "restore-windows");
    expect(windows?.csv.split("\n")[0]).toContain("retained_services");
    expect(windows?.csv).toContain("lync office-apps");
    expect(windows?.csv).not.toContain("exchange");

    f.clock.advanceDays(4);
    const purged = await purgeExpiredWindows(t.db, f.clock, { workspaceId: f.workspaceId, actor: admin });
    expect(purged.purged).toMatchObject([{ personId, productId: office, deletedServiceData: 2 }]);
    expect(await mailboxOf(personId)).toEqual([{ status: "active", sizeMb: 1024, windowId: null }]);
  });
});

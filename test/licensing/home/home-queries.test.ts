import { describe, expect, it } from "vitest";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { getAdminHome } from "../../../src/licensing/home/get-admin-home.ts";
import { getMemberHome } from "../../../src/licensing/home/get-member-home.ts";
import { restoreWindow } from "../../../src/licensing/home/restore-window.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { registerDevice } from "../../../src/licensing/register-device.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { decideRequest } from "../../../src/licensing/requests/decide-request.ts";
import { fileRequest } from "../../../src/licensing/requests/file-request.ts";
import { setMailboxSize } from "../../../src/licensing/set-mailbox-size.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();
const limits = { products: 80, requests: 10, windows: 25, mailboxes: 10 };
const as = (userId: string) => ({ userId, source: "button" as const });

describe("the admin's home", () => {
  it("puts the products shortest of seats first, limited, with totals over all of them", async () => {
    const f = await createFixture(t.db);
    const [p1, p2] = await f.addPeople([{}, {}]);
    const office = await f.productId("office");
    const small = await f.productId("office-sb");
    await setPurchasedSeats(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: small,
      purchased: 2,
      actor: admin,
    });
    for (const personId of [p1, p2] as string[]) {
      await assignProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personId,
        productId: small,
        actor: admin,
      });
    }
    const home = await getAdminHome(t.db, f.clock, {
      workspaceId: f.workspaceId,
      limits: { ...limits, products: 1 },
    });
    expect(home.seats.rows).toMatchObject([{ productId: small, available: 0, purchased: 2 }]);
    expect(home.seats.total).toBeGreaterThan(1);
    expect(home.seats.full).toBe(1);
    const all = await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits });
    expect(all.seats.rows.map((r) => r.productId)).toContain(office);
    expect(all.seats.rows).toHaveLength(all.seats.total);
    expect(all.seats.purchased).toBe(all.seats.rows.reduce((sum, r) => sum + r.purchased, 0));
  });

  it("lists restore windows ending within 7 days, soonest first, with the data each still holds", async () => {
    const f = await createFixture(t.db);
    const [ann, bob, cid] = (await f.addPeople([
      { name: "Ann" },
      { name: "Bob" },
      { name: "Cid" },
    ])) as string[];
    const office = await f.productId("office");
    const base = { workspaceId: f.workspaceId, productId: office, actor: admin };
    for (const personId of [ann, bob, cid] as string[]) {
      await assignProduct(t.db, f.clock, { ...base, personId });
    }
    await setMailboxSize(t.db, f.clock, { ...base, personId: ann as string, sizeMb: 2560 });
    await registerDevice(t.db, f.clock, { ...base, personId: ann as string, deviceName: "Mac" });
    await removeProduct(t.db, f.clock, { ...base, personId: ann as string });
    f.clock.advanceDays(1);
    await removeProduct(t.db, f.clock, { ...base, personId: bob as string });
    f.clock.advanceDays(10);
    await removeProduct(t.db, f.clock, { ...base, personId: cid as string });
    // Ann's window ends in 19 days, Bob's in 20, Cid's in 30: none within 7 yet.
    expect((await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits })).windows.total).toBe(0);
    f.clock.advanceDays(14);
    const home = await getAdminHome(t.db, f.clock, {
      workspaceId: f.workspaceId,
      limits: { ...limits, windows: 1 },
    });
    expect(home.windows.total).toBe(2);
    expect(home.windows.rows).toHaveLength(1);
    const [first] = home.windows.rows;
    expect(first).toMatchObject({
      person: { id: ann, name: "Ann" },
      product: { id: office },
      purgeAt: new Date("2026-04-01T10:00:00Z"),
    });
    expect(first?.lost).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: expect.objectContaining({ key: "exchange" }),
          mailboxSizeMb: 2560,
        }),
        expect.objectContaining({ service: expect.objectContaining({ key: "office-apps" }), devices: 1 }),
      ]),
    );
    // SharePoint documents survive removal: they are not among what is lost.
    expect(first?.lost.map((d) => d.service.key)).not.toContain("sharepoint");
  });

  it("lists waiting requests with who asked, for whom and what, and leaves decided ones out", async () => {
    const f = await createFixture(t.db);
    const [member, other] = (await f.addPeople([
      { slackUserId: "UMEM", name: "Member" },
      { slackUserId: "UOTH", name: "Other" },
      { slackUserId: "UADM", name: "Admin", isSlackAdmin: true },
    ])) as string[];
    const office = await f.productId("office");
    const small = await f.productId("office-sb");
    const first = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: office,
      personId: other as string,
      reason: "for the team",
      actor: as("UMEM"),
    });
    f.clock.advanceDays(1);
    const second = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: small,
      reason: "",
      actor: as("UMEM"),
    });
    if (!first.ok || !second.ok) throw new Error("requests not filed");
    const home = await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits });
    expect(home.requests).toMatchObject({
      total: 2,
      rows: [
        {
          id: first.requestId,
          requester: { name: "Member", slackUserId: "UMEM" },
          person: { name: "Other", slackUserId: "UOTH" },
          reason: "for the team",
        },
        { id: second.requestId, person: { name: "Member" } },
      ],
    });
    await decideRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      requestId: first.requestId,
      decision: "deny",
      note: "no",
      actor: as("UADM"),
    });
    const after = await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits });
    expect(after.requests.rows.map((r) => r.id)).toEqual([second.requestId]);
    expect(member).toBeDefined();
  });

  it("lists unlicensed mailboxes whose lock is within 7 days", async () => {
    const f = await createFixture(t.db);
    const base = { workspaceId: f.workspaceId, kind: "room" as const, actor: admin };
    await recordMailboxSize(t.db, f.clock, { ...base, address: "soon@example.com", sizeMb: 11 * 1024 });
    f.clock.advanceDays(10);
    await recordMailboxSize(t.db, f.clock, { ...base, address: "later@example.com", sizeMb: 11 * 1024 });
    await recordMailboxSize(t.db, f.clock, { ...base, address: "small@example.com", sizeMb: 1024 });
    f.clock.advanceDays(15);
    const home = await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits });
    expect(home.mailboxes).toMatchObject({
      total: 1,
      rows: [{ address: "soon@example.com", kind: "room", sizeMb: 11 * 1024, quotaMb: 10 * 1024 }],
    });
  });
});

describe("a member's home", () => {
  it("has their licenses and their requests, the waiting ones first", async () => {
    const f = await createFixture(t.db);
    const [member] = (await f.addPeople([
      { slackUserId: "UMEM", name: "Member" },
      { slackUserId: "UOTH" },
    ])) as string[];
    const office = await f.productId("office");
    const small = await f.productId("office-sb");
    await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId: member as string,
      productId: office,
      actor: admin,
    });
    const asked = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: small,
      reason: "",
      actor: as("UMEM"),
    });
    if (!asked.ok) throw new Error(asked.code);
    const home = await getMemberHome(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId: member as string,
      requestLimit: 5,
    });
    if (!home.ok) throw new Error(home.code);
    expect(home.licenses.licenses.map((l) => l.product.id)).toEqual([office]);
    expect(home.requests).toMatchObject({
      total: 1,
      rows: [{ id: asked.requestId, status: "pending", product: { id: small }, forPerson: null }],
    });
  });
});

describe("restoring from a window", () => {
  it("restores the window's license once; the used window then gets the domain's answer", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const base = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    await assignProduct(t.db, f.clock, base);
    const removed = await removeProduct(t.db, f.clock, base);
    if (!removed.ok) throw new Error(removed.code);
    const home = await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits });
    expect(home.windows.total).toBe(0);
    f.clock.advanceDays(25);
    const [window] = (await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits })).windows.rows;
    if (!window) throw new Error("no window");
    const input = { workspaceId: f.workspaceId, windowId: window.id, actor: admin };
    expect(await restoreWindow(t.db, f.clock, input)).toMatchObject({ ok: true, restored: true });
    expect(await restoreWindow(t.db, f.clock, input)).toMatchObject({ ok: false, code: "ALREADY_ASSIGNED" });
  });

  it("says an id naming no window of the workspace was not found, never that a window ended", async () => {
    const f = await createFixture(t.db);
    const other = await createFixture(t.db);
    const base = {
      workspaceId: other.workspaceId,
      personId: await other.addPerson(),
      productId: await other.productId("office"),
      actor: admin,
    };
    await assignProduct(t.db, other.clock, base);
    await removeProduct(t.db, other.clock, base);
    other.clock.advanceDays(25);
    const [elsewhere] = (await getAdminHome(t.db, other.clock, { workspaceId: other.workspaceId, limits }))
      .windows.rows;
    if (!elsewhere) throw new Error("no window");
    for (const windowId of [elsewhere.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(
        await restoreWindow(t.db, f.clock, { workspaceId: f.workspaceId, windowId, actor: admin }),
      ).toEqual({ ok: false, code: "UNKNOWN_WINDOW" });
    }
  });

  it("says when the data went for good once the window has ended", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const base = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    await assignProduct(t.db, f.clock, base);
    await removeProduct(t.db, f.clock, base);
    f.clock.advanceDays(25);
    const [window] = (await getAdminHome(t.db, f.clock, { workspaceId: f.workspaceId, limits })).windows.rows;
    f.clock.advanceDays(6);
    const outcome = await restoreWindow(t.db, f.clock, {
      workspaceId: f.workspaceId,
      windowId: window?.id as string,
      actor: admin,
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: "WINDOW_CLOSED",
      purgedAt: new Date("2026-04-01T10:00:00Z"),
    });
  });
});

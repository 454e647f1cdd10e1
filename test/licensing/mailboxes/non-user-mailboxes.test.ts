import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../../src/db/schema/index.ts";
import { systemActor } from "../../../src/licensing/actor.ts";
import { addMonths } from "../../../src/licensing/clock.ts";
import { licenseMailbox } from "../../../src/licensing/mailboxes/license-mailbox.ts";
import { listMailboxes } from "../../../src/licensing/mailboxes/list-mailboxes.ts";
import { lockDueMailboxes } from "../../../src/licensing/mailboxes/lock-due-mailboxes.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();

const GB = 1024;
const job = systemActor("job");

describe("non-user mailboxes", () => {
  it("need no license under quota; over quota unlicensed they lock one month later", async () => {
    const f = await createFixture(t.db);
    const base = { workspaceId: f.workspaceId, address: "Room-1@example.com", actor: admin };
    expect(await recordMailboxSize(t.db, f.clock, { ...base, kind: "room", sizeMb: 9 * GB })).toMatchObject({
      ok: true,
      state: { lockAt: null },
    });
    f.clock.advanceDays(2);
    const over = await recordMailboxSize(t.db, f.clock, { ...base, sizeMb: 11 * GB });
    expect(over).toMatchObject({
      ok: true,
      state: { overQuotaSince: f.clock.now(), lockAt: new Date("2026-04-04T10:00:00Z") },
    });
    f.clock.advanceDays(5);
    // Growing further does not restart the countdown.
    expect(await recordMailboxSize(t.db, f.clock, { ...base, sizeMb: 12 * GB })).toMatchObject({
      state: { lockAt: new Date("2026-04-04T10:00:00Z") },
    });
    expect(await listMailboxes(t.db, f.clock, { workspaceId: f.workspaceId })).toMatchObject([
      {
        address: "room-1@example.com",
        kind: "room",
        sizeMb: 12 * GB,
        quotaMb: 10 * GB,
        overQuota: true,
        daysToLock: 26,
        locked: false,
      },
    ]);
    f.clock.set("2026-04-04T09:59:00Z");
    expect(
      (await lockDueMailboxes(t.db, f.clock, { workspaceId: f.workspaceId, actor: job })).locked,
    ).toEqual([]);
    f.clock.set("2026-04-04T10:00:00Z");
    expect(
      (await lockDueMailboxes(t.db, f.clock, { workspaceId: f.workspaceId, actor: job })).locked,
    ).toHaveLength(1);
    expect(
      (await lockDueMailboxes(t.db, f.clock, { workspaceId: f.workspaceId, actor: job })).locked,
    ).toEqual([]);
    // Archiving brings it under quota: the lock lifts.
    expect(await recordMailboxSize(t.db, f.clock, { ...base, sizeMb: 4 * GB })).toMatchObject({
      state: { lockAt: null, lockedAt: null, overQuotaSince: null },
    });
  });

  it("a license avoids the lock and takes a seat", async () => {
    const f = await createFixture(t.db);
    const exchange = await f.productId("exchange-p1");
    const recorded = await recordMailboxSize(t.db, f.clock, {
      workspaceId: f.workspaceId,
      address: "shared@example.com",
      kind: "shared",
      sizeMb: 20 * GB,
      actor: admin,
    });
    if (!recorded.ok) throw new Error(recorded.code);
    const input = {
      workspaceId: f.workspaceId,
      mailboxId: recorded.mailboxId,
      productId: exchange,
      actor: admin,
    };
    expect(await licenseMailbox(t.db, f.clock, input)).toMatchObject({ ok: true });
    expect(await licenseMailbox(t.db, f.clock, input)).toEqual({ ok: false, code: "ALREADY_ASSIGNED" });
    const [product] = await t.db.select().from(products).where(eq(products.id, exchange));
    expect(product?.assignedSeats).toBe(1);
    f.clock.advanceDays(40);
    expect(
      (await lockDueMailboxes(t.db, f.clock, { workspaceId: f.workspaceId, actor: job })).locked,
    ).toEqual([]);
    expect(await listMailboxes(t.db, f.clock, { workspaceId: f.workspaceId })).toMatchObject([
      { licensedWith: { key: "exchange-p1" }, daysToLock: null, locked: false },
    ]);
  });

  it("uses the workspace's quota, refuses bad sizes and unknown mailboxes", async () => {
    const f = await createFixture(t.db);
    const base = { workspaceId: f.workspaceId, address: "nobody@example.com", actor: admin };
    expect(await recordMailboxSize(t.db, f.clock, { ...base, sizeMb: 1 })).toEqual({
      ok: false,
      code: "UNKNOWN_MAILBOX",
    });
    expect(await recordMailboxSize(t.db, f.clock, { ...base, kind: "shared", sizeMb: -1 })).toMatchObject({
      code: "INVALID_QUANTITY",
    });
    expect(
      await licenseMailbox(t.db, f.clock, {
        workspaceId: f.workspaceId,
        mailboxId: "nope",
        productId: "nope",
        actor: admin,
      }),
    ).toEqual({ ok: false, code: "UNKNOWN_MAILBOX" });
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-01-31T12:00:00Z", "2026-02-28T12:00:00Z"],
    ["2026-03-15T00:00:00Z", "2026-04-15T00:00:00Z"],
    ["2026-12-31T23:00:00Z", "2027-01-31T23:00:00Z"],
  ])("%s + 1 month = %s", (from, to) => {
    expect(addMonths(new Date(from), 1)).toEqual(new Date(to));
  });
});

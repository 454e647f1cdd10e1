import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  outbox,
  people,
  products,
  reminders,
  restoreWindows,
  workspaces,
} from "../../src/db/schema/index.ts";
import { dailyJobs, runDailyJobs } from "../../src/jobs/daily-jobs.ts";
import { postgresRunCoordinator } from "../../src/jobs/postgres-run-coordinator.ts";
import { runDueDailyJobs } from "../../src/jobs/run-due-daily-jobs.ts";
import { DAILY_TICK_MINUTES } from "../../src/jobs/schedule.ts";
import type { Actor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { addDays } from "../../src/licensing/clock.ts";
import { recordMailboxSize } from "../../src/licensing/mailboxes/record-mailbox-size.ts";
import type { Notice } from "../../src/licensing/outbox/notices.ts";
import { inTransaction } from "../../src/licensing/outcome.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { fileRequest } from "../../src/licensing/requests/file-request.ts";
import { restoreProduct } from "../../src/licensing/restore-product.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

/**
 * A workspace with two admins and a member whose Office was removed at the fixture's start, by an
 * admin who is no longer one: reminders still reach them as the remover, not as an admin.
 */
async function removedLicense(options: { timeZone?: string } = {}) {
  const f = await createFixture(t.db);
  if (options.timeZone) {
    await t.db.update(workspaces).set({ timeZone: options.timeZone }).where(eq(workspaces.id, f.workspaceId));
  }
  await f.addPeople([
    { slackUserId: `UA1${f.workspaceId}`, name: "Admin One", isSlackAdmin: true },
    { slackUserId: `UA2${f.workspaceId}`, name: "Admin Two", isSlackAdmin: true },
  ]);
  const personId = await f.addPerson({ name: "Maja" });
  const productId = await f.productId("office");
  const input = { workspaceId: f.workspaceId, personId, productId, actor: admin };
  const assigned = await assignProduct(t.db, f.clock, input);
  if (!assigned.ok) throw new Error(assigned.code);
  const removed = await removeProduct(t.db, f.clock, input);
  if (!removed.ok) throw new Error(removed.code);
  const [window] = await t.db.select().from(restoreWindows).where(eq(restoreWindows.personId, personId));
  if (!window) throw new Error("no window");
  await t.db
    .update(people)
    .set({ isSlackAdmin: false })
    .where(and(eq(people.workspaceId, f.workspaceId), eq(people.slackUserId, admin.userId)));
  const adminOne: Actor = { userId: `UA1${f.workspaceId}`, source: "command" };
  return { f, input: { ...input, actor: adminOne }, adminOne, window, removedAt: f.clock.now() };
}

const remindersOf = (subjectId: string) =>
  t.db.select().from(reminders).where(eq(reminders.subjectId, subjectId)).orderBy(reminders.decidedAt);

const messagesOf = async (workspaceId: string, kind: Notice["kind"]) =>
  (
    await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.workspaceId, workspaceId))
      .orderBy(outbox.createdAt, outbox.channel)
  ).filter((row) => (row.message as Notice).kind === kind);

const run = (workspaceId: string, at: Date) => runDailyJobs(t.db, at, { workspaceId });

describe("restore-window reminders", () => {
  it("come 7, 3 and 1 days before the end, once each, to every admin and the remover", async () => {
    const { f, window, removedAt } = await removedLicense();
    const days = (n: number) => addDays(removedAt, n);
    for (const day of [1, 22, 23, 23.5, 24, 26, 27, 27.9, 29, 29.5]) await run(f.workspaceId, days(day));
    const decided = await remindersOf(window.id);
    expect(decided.map((r) => [r.step, r.late])).toEqual([
      ["7", false],
      ["3", false],
      ["1", false],
    ]);
    const sent = await messagesOf(f.workspaceId, "restore_reminders");
    // Two admins and the remover (UADMIN, no longer an admin in the directory) for each of three days.
    expect(sent).toHaveLength(9);
    expect(new Set(sent.map((m) => m.channel))).toEqual(
      new Set([`UA1${f.workspaceId}`, `UA2${f.workspaceId}`, "UADMIN"]),
    );
    const first = sent[0]?.message as Extract<Notice, { kind: "restore_reminders" }>;
    expect(first.items).toMatchObject([
      {
        windowId: window.id,
        person: "Maja",
        product: "Office 365 Small Business Premium",
        daysLeft: 7,
        late: false,
        data: expect.arrayContaining([
          expect.objectContaining({ kind: "mailbox", service: "Exchange Online" }),
        ]),
      },
    ]);
  });

  it("after three days down, the overdue reminder goes once, marked late, and the days it overtook never", async () => {
    const { f, window, removedAt } = await removedLicense();
    await run(f.workspaceId, addDays(removedAt, 20));
    // Down from day 20 to day 28: the 7-day and 3-day reminders were due meanwhile.
    await run(f.workspaceId, addDays(removedAt, 28));
    await run(f.workspaceId, addDays(removedAt, 28.2));
    expect((await remindersOf(window.id)).map((r) => [r.step, r.late])).toEqual([["3", true]]);
    await run(f.workspaceId, addDays(removedAt, 29.1));
    expect((await remindersOf(window.id)).map((r) => [r.step, r.late])).toEqual([
      ["3", true],
      ["1", false],
    ]);
  });

  it("three instances running the same slot decide each reminder once", async () => {
    const { f, window, removedAt } = await removedLicense();
    const at = addDays(removedAt, 23);
    await Promise.all([run(f.workspaceId, at), run(f.workspaceId, at), run(f.workspaceId, at)]);
    expect(await remindersOf(window.id)).toHaveLength(1);
    expect(await messagesOf(f.workspaceId, "restore_reminders")).toHaveLength(3);
  });

  it("a run that stopped midway leaves the rest to the next run, and nothing twice", async () => {
    const { f, window, removedAt } = await removedLicense();
    const at = addDays(removedAt, 23);
    // The first two jobs ran, then the instance died.
    for (const job of dailyJobs.slice(0, 2)) await inTransaction(t.db, (tx) => job.run(tx, at, f));
    const done = await run(f.workspaceId, at);
    expect(done.restore_reminders).toBe(0);
    expect(await remindersOf(window.id)).toHaveLength(1);
    expect(await messagesOf(f.workspaceId, "restore_reminders")).toHaveLength(3);
  });

  it("stop after the window is purged; restoring then is too late, and says so", async () => {
    const { f, input, window, removedAt } = await removedLicense();
    const done = await run(f.workspaceId, addDays(removedAt, 30));
    expect(done.purge_windows).toBe(1);
    const [purged] = await t.db.select().from(restoreWindows).where(eq(restoreWindows.id, window.id));
    expect(purged?.status).toBe("purged");
    expect(await messagesOf(f.workspaceId, "windows_purged")).toHaveLength(2);
    f.clock.set(addDays(removedAt, 30.5));
    expect(await restoreProduct(t.db, f.clock, input)).toMatchObject({ ok: false, code: "WINDOW_CLOSED" });
    expect((await run(f.workspaceId, addDays(removedAt, 31))).purge_windows).toBe(0);
  });
});

describe("the daily schedule across daylight saving time", () => {
  it("runs once a local day, at 09:00 in Europe/Stockholm, when the clocks go back and forward", async () => {
    const { f } = await removedLicense({ timeZone: "Europe/Stockholm" });
    const coordinator = postgresRunCoordinator(t.db, f.clock);
    const ranAt = async (fromIso: string, days: number) => {
      const found: string[] = [];
      const start = new Date(fromIso).getTime();
      for (let minutes = 0; minutes < days * 24 * 60; minutes += DAILY_TICK_MINUTES) {
        f.clock.set(new Date(start + minutes * 60_000));
        const runs = await runDueDailyJobs(t.db, f.clock, coordinator);
        if (runs.some((r) => r.workspaceId === f.workspaceId)) found.push(f.clock.now().toISOString());
      }
      return found;
    };
    // Summer time ends on 25 October 2026 (03:00 CEST → 02:00 CET).
    expect(await ranAt("2026-10-24T05:00:00Z", 3)).toEqual([
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ]);
    // Summer time starts on 28 March 2027 (02:00 CET → 03:00 CEST).
    expect(await ranAt("2027-03-27T05:00:00Z", 3)).toEqual([
      "2027-03-27T08:00:00.000Z",
      "2027-03-28T07:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
  }, 60_000);

  it("a reminder due on the day the clocks change is sent once", async () => {
    const { f, window } = await removedLicense({ timeZone: "Europe/Stockholm" });
    // Move the window's end so that its 3-day reminder falls on 25 October, the change day.
    await t.db
      .update(restoreWindows)
      .set({ purgeAt: new Date("2026-10-28T08:30:00Z") })
      .where(eq(restoreWindows.id, window.id));
    for (const at of [
      "2026-10-24T07:00:00Z",
      "2026-10-25T08:00:00Z",
      "2026-10-25T08:00:30Z",
      "2026-10-26T08:00:00Z",
      "2026-10-27T08:00:00Z",
    ]) {
      await run(f.workspaceId, new Date(at));
    }
    expect((await remindersOf(window.id)).map((r) => [r.step, r.decidedAt.toISOString()])).toEqual([
      ["7", "2026-10-24T07:00:00.000Z"],
      ["3", "2026-10-25T08:00:00.000Z"],
      ["1", "2026-10-27T08:00:00.000Z"],
    ]);
  });
});

describe("shared mailboxes over quota", () => {
  it("are warned 7 and 1 days before they lock, then locked and reported, each once", async () => {
    const { f, adminOne } = await removedLicense();
    const recorded = await recordMailboxSize(t.db, f.clock, {
      workspaceId: f.workspaceId,
      address: "room-1@example.com",
      kind: "room",
      sizeMb: 11 * 1024,
      actor: adminOne,
    });
    if (!recorded.ok) throw new Error(recorded.code);
    const lockAt = recorded.state.lockAt as Date;
    for (const days of [-8, -7, -6.9, -3, -1, -0.9]) await run(f.workspaceId, addDays(lockAt, days));
    const warned = await messagesOf(f.workspaceId, "mailbox_warnings");
    expect(
      warned.map((m) => (m.message as Extract<Notice, { kind: "mailbox_warnings" }>).items[0]?.daysLeft),
    ).toEqual([7, 7, 1, 1]);
    await run(f.workspaceId, addDays(lockAt, 0.1));
    await run(f.workspaceId, addDays(lockAt, 1));
    expect(await messagesOf(f.workspaceId, "mailboxes_locked")).toHaveLength(2);
  });
});

describe("shared mailboxes over quota again", () => {
  it("are warned again after they went back under quota and over", async () => {
    const { f, adminOne } = await removedLicense();
    const size = (sizeMb: number) =>
      recordMailboxSize(t.db, f.clock, {
        workspaceId: f.workspaceId,
        address: "room-2@example.com",
        kind: "room",
        sizeMb,
        actor: adminOne,
      });
    const first = await size(11 * 1024);
    if (!first.ok) throw new Error(first.code);
    await run(f.workspaceId, addDays(first.state.lockAt as Date, -1));
    f.clock.set(addDays(first.state.lockAt as Date, -0.5));
    await size(1024);
    f.clock.advanceDays(3);
    const again = await size(11 * 1024);
    if (!again.ok) throw new Error(again.code);
    await run(f.workspaceId, addDays(again.state.lockAt as Date, -1));
    expect(await messagesOf(f.workspaceId, "mailbox_warnings")).toHaveLength(4);
  });
});

describe("reminders of automatic removals", () => {
  it("go to the admins only, never to the system that removed the license", async () => {
    const { f, window } = await removedLicense();
    await t.db.update(restoreWindows).set({ removedBy: "system" }).where(eq(restoreWindows.id, window.id));
    await run(f.workspaceId, addDays(window.purgeAt, -7));
    const sent = await messagesOf(f.workspaceId, "restore_reminders");
    expect(sent.map((m) => m.channel).sort()).toEqual([`UA1${f.workspaceId}`, `UA2${f.workspaceId}`]);
  });
});

describe("requests", () => {
  it("waiting more than 2 days are brought to the approvers once; past 30 days they expire and the requester is told", async () => {
    const { f } = await removedLicense();
    const member = await f.addPerson({ slackUserId: `UM${f.workspaceId}`, name: "Member" });
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: await f.productId("office"),
      personId: member,
      reason: "new job",
      actor: { userId: `UM${f.workspaceId}`, source: "command" },
    });
    if (!filed.ok) throw new Error(filed.code);
    const filedAt = f.clock.now();
    for (const days of [1, 2.1, 3, 10]) await run(f.workspaceId, addDays(filedAt, days));
    const waiting = await messagesOf(f.workspaceId, "requests_waiting");
    expect(waiting.map((m) => m.channel).sort()).toEqual([`UA1${f.workspaceId}`, `UA2${f.workspaceId}`]);
    expect(waiting[0]?.message).toMatchObject({
      items: [{ requestId: filed.requestId, requester: "Member" }],
    });
    await run(f.workspaceId, addDays(filedAt, 30));
    await run(f.workspaceId, addDays(filedAt, 31));
    const expired = await messagesOf(f.workspaceId, "request_expired");
    expect(expired).toMatchObject([{ channel: `UM${f.workspaceId}`, message: { person: "Member" } }]);
  });
});

describe("low seats", () => {
  it("are reported once per local day that they stay low", async () => {
    const { f } = await removedLicense();
    const productId = await f.productId("office");
    // 10 seats, all available: a threshold of 11 makes it low.
    await t.db.update(products).set({ lowSeatThreshold: 11 }).where(eq(products.id, productId));
    const day = new Date("2026-03-10T09:00:00Z");
    await run(f.workspaceId, day);
    await run(f.workspaceId, addDays(day, 0.2));
    await run(f.workspaceId, addDays(day, 1));
    const low = await t.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.kind, "low_seats"), eq(reminders.subjectId, productId)));
    expect(low.map((r) => r.step).sort()).toEqual(["2026-03-10", "2026-03-11"]);
  });
});

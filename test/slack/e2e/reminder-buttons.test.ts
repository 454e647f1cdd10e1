import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, restoreWindows } from "../../../src/db/schema/index.ts";
import { runDailyJobs } from "../../../src/jobs/daily-jobs.ts";
import { relayOutbox } from "../../../src/jobs/outbox-relay.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { addDays, fixedClock, systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-chat.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { afterNoticeSent } from "../../../src/slack/notices/after-notice-sent.ts";
import { relayClient, sendJobNotice } from "../../../src/slack/notices/send-job-notice.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  approverCount,
  copiesOf,
  pendingRequestFor,
  press,
  submit,
  teamWithAdmins,
} from "./request-interactions.ts";

const app = useRunningSlackApp();

/** An admin, and a member whose Office was removed just now (a restore window of 30 days). */
async function removedOffice() {
  const workspaceId = app.teamId;
  const { productId } = await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "admin", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  const people = await upsertPeople(app.db, {
    workspaceId,
    people: [
      { slackUserId: admin.id, name: "Admin", isSlackAdmin: true },
      { slackUserId: member.id, name: "Member" },
    ],
  });
  const input = {
    workspaceId,
    personId: people[1]?.id as string,
    productId: productId("office"),
    actor: { userId: admin.id, source: "command" as const },
  };
  if (!(await assignProduct(app.db, systemClock, input)).ok) throw new Error("assign");
  if (!(await removeProduct(app.db, systemClock, input)).ok) throw new Error("remove");
  const [window] = await app.db
    .select()
    .from(restoreWindows)
    .where(eq(restoreWindows.personId, input.personId));
  if (!window) throw new Error("no window");
  return { workspaceId, admin, member, window };
}

function click(userId: string, actionId: string, value: string) {
  const responseUrl = app.fake.responseUrl();
  const sent = postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", message_ts: "1.000001", channel_id: "D0REMIND" },
    channel: { id: "D0REMIND" },
    message: { ts: "1.000001", text: "reminder", blocks: [] },
    actions: [
      { type: "button", action_id: actionId, block_id: "b", value, action_ts: `${Date.now() / 1000}` },
    ],
  });
  return { sent, responseUrl };
}

describe("the buttons on a restore reminder", () => {
  it("reach the admin with the reminder, and Restore after the purge says it is too late", async () => {
    const r = await removedOffice();
    const send = sendJobNotice(app.db, relayClient(app.fake.token, app.fake.url));
    const reminderDay = fixedClock(addDays(r.window.purgeAt, -3));
    await runDailyJobs(app.db, reminderDay.now(), { workspaceId: r.workspaceId });
    await relayOutbox(app.db, reminderDay, send);
    const [reminder] = app.fake.messages.filter(
      (m) =>
        m.channel.includes(r.admin.id.slice(1)) && m.text === "Removed licenses whose data is deleted soon",
    );
    expect(JSON.stringify(reminder?.blocks)).toContain(`"value":"${r.window.id}"`);

    await runDailyJobs(app.db, addDays(r.window.purgeAt, 0.01), { workspaceId: r.workspaceId });
    const pressed = click(r.admin.id, ids.window.restoreAction, r.window.id);
    expect((await pressed.sent).status).toBe(200);
    const told = await until(
      () =>
        app.fake.messages.filter(
          (m) => m.channel.includes(r.admin.id.slice(1)) && /ended/i.test(m.text ?? ""),
        ),
      1,
    );
    expect(told).toHaveLength(1);
    const [window] = await app.db.select().from(restoreWindows).where(eq(restoreWindows.id, r.window.id));
    expect(window?.status).toBe("purged");
  });

  it("Let it expire stops the reminders for an admin, and is refused and recorded for anyone else", async () => {
    const r = await removedOffice();
    const refused = click(r.member.id, ids.window.letExpireAction, r.window.id);
    expect((await refused.sent).status).toBe(200);
    const [no] = (await until(() => app.fake.responses(refused.responseUrl), 1)) as { text?: string }[];
    expect(no?.text).toMatch(/admin/i);
    const recorded = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, r.member.id), eq(auditLog.action, "refused")));
    expect(recorded).toMatchObject([
      { targetId: r.window.id, after: { attempted: "stop-window-reminders", reason: "NOT_ALLOWED" } },
    ]);

    const stopped = click(r.admin.id, ids.window.letExpireAction, r.window.id);
    const [yes] = (await until(() => app.fake.responses(stopped.responseUrl), 1)) as { text?: string }[];
    // The member's name is as Slack last reported it.
    expect(yes?.text).toContain("No more reminders about *member*'s Office 365 Small Business Premium");
    const done = await runDailyJobs(app.db, addDays(r.window.purgeAt, -1), { workspaceId: r.workspaceId });
    expect(done.restore_reminders).toBe(0);
  });
});

describe("Let it expire after the license came back", () => {
  it("says the data was restored, never that it is gone", async () => {
    const r = await removedOffice();
    const again = await assignProduct(app.db, systemClock, {
      workspaceId: r.workspaceId,
      personId: r.window.personId,
      productId: r.window.productId,
      actor: { userId: r.admin.id, source: "command" },
    });
    expect(again).toMatchObject({ ok: true, restored: true });
    const pressed = click(r.admin.id, ids.window.letExpireAction, r.window.id);
    const [answer] = (await until(() => app.fake.responses(pressed.responseUrl), 1)) as { text?: string }[];
    expect(answer?.text).toMatch(
      new RegExp(`^Already restored by <@${r.admin.id}> on .*: the license and its data are back`),
    );
  });
});

describe("an expired request", () => {
  it("loses its buttons on every approver's copy once the requester is told", async () => {
    const { member } = await teamWithAdmins(app);
    const approvers = await approverCount(app);
    await app.command(member.id, "request office because my laptop died");
    const requestId = await pendingRequestFor(app, member);
    const copies = await copiesOf(app, requestId, approvers);
    const live = () =>
      copies.filter((c) =>
        app.fake.messages.some(
          (m) =>
            m.channel === c.channelId &&
            m.ts === c.ts &&
            JSON.stringify(m.blocks).includes(ids.request.approveAction),
        ),
      );
    expect(live()).toHaveLength(approvers);
    const later = fixedClock(addDays(new Date(), 31));
    await runDailyJobs(app.db, later.now(), { workspaceId: app.teamId });
    const deps = { db: app.db, clock: later, logger: { info() {}, warn() {}, error() {} } };
    const client = relayClient(app.fake.token, app.fake.url);
    const relayed = await relayOutbox(
      app.db,
      later,
      sendJobNotice(app.db, client, afterNoticeSent(deps, client)),
    );
    expect(relayed).toMatchObject({ failed: 0, retrying: 0 });
    const told = app.fake.messages.filter(
      (m) => m.channel.includes(member.id.slice(1)) && /expired/.test(m.text),
    );
    expect(told).toHaveLength(1);
    expect(live()).toEqual([]);
  });
});

/** The window's reminder, sent to every admin (a copy each, in their DM); where each copy landed. */
async function remindEveryAdmin(r: Awaited<ReturnType<typeof removedOffice>>) {
  const second = app.fake.users.add({ name: "second admin", is_admin: true });
  await upsertPeople(app.db, {
    workspaceId: r.workspaceId,
    people: [{ slackUserId: second.id, name: "Second Admin", isSlackAdmin: true }],
  });
  const day = fixedClock(addDays(r.window.purgeAt, -3));
  await runDailyJobs(app.db, day.now(), { workspaceId: r.workspaceId });
  await relayOutbox(app.db, day, sendJobNotice(app.db, relayClient(app.fake.token, app.fake.url)));
  const copies = app.fake.messages
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"value":"${r.window.id}"`))
    .map((m) => ({ channel: m.channel, ts: m.ts }));
  const mine = (userId: string) => copies.find((c) => c.channel === dmChannelFor(userId));
  expect(mine(r.admin.id)).toBeDefined();
  expect(mine(second.id)).toBeDefined();
  return { second, copies };
}

/** A copy as Slack shows it now. */
const shown = (copy: { channel: string; ts: string }) =>
  JSON.stringify(app.fake.messages.find((m) => m.channel === copy.channel && m.ts === copy.ts));

/** The row of this window on a copy: its buttons while live, its outcome once settled. */
const buttonsFor = (copy: { channel: string; ts: string }, windowId: string) =>
  shown(copy).includes(`"value":"${windowId}"`);

/** What the app told `userId` in their DM, newest last, after `since` messages. */
const toldInDm = (userId: string, since: number) =>
  app.fake.messages
    .slice(since)
    .filter((m) => m.channel === dmChannelFor(userId) && !m.blocks)
    .map((m) => m.text);

describe("a reminder after its buttons are used", () => {
  it("Restore updates every copy with who and when, and Let it expire on a stale copy says it was restored", async () => {
    const r = await removedOffice();
    const { second, copies } = await remindEveryAdmin(r);
    const before = app.fake.messages.length;
    const pressed = click(r.admin.id, ids.window.restoreAction, r.window.id);
    expect((await pressed.sent).status).toBe(200);
    await until(() => copies.filter((c) => !buttonsFor(c, r.window.id)), copies.length);
    for (const copy of copies) {
      expect(shown(copy)).toContain(`Restored by <@${r.admin.id}> on <!date^`);
      expect(shown(copy)).toContain("Removed licenses whose data is deleted soon");
    }
    const [told] = await until(() => toldInDm(r.admin.id, before), 1);
    expect(told).toContain("Restored *Office 365 Small Business Premium* for *Member*");

    // The second admin's copy was stale when pressed: the answer is what happened, and nothing more.
    const late = click(second.id, ids.window.letExpireAction, r.window.id);
    const [answer] = (await until(() => app.fake.responses(late.responseUrl), 1)) as { text?: string }[];
    expect(answer?.text).toMatch(
      new RegExp(`^Already restored by <@${r.admin.id}> on .*Nothing was changed\\.$`),
    );
    expect(answer?.text).not.toMatch(/gone for good|ended/);
    const stopped = await app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, r.window.id), eq(auditLog.action, "restore_window.reminders_stopped")),
      );
    expect(stopped).toEqual([]);
    const [window] = await app.db.select().from(restoreWindows).where(eq(restoreWindows.id, r.window.id));
    expect(window?.status).toBe("restored");
  });

  it("a second Restore says it was restored already, by whom, and assigns nothing more", async () => {
    const r = await removedOffice();
    const { copies } = await remindEveryAdmin(r);
    await click(r.admin.id, ids.window.restoreAction, r.window.id).sent;
    await until(() => copies.filter((c) => !buttonsFor(c, r.window.id)), copies.length);
    await app.settled();
    const seatsBefore = await app.db.select().from(auditLog).where(eq(auditLog.action, "license.restored"));
    const before = app.fake.messages.length;
    await click(r.admin.id, ids.window.restoreAction, r.window.id).sent;
    const [told] = await until(() => toldInDm(r.admin.id, before), 1);
    expect(told).toMatch(new RegExp(`^Already restored by <@${r.admin.id}> on `));
    const seatsAfter = await app.db.select().from(auditLog).where(eq(auditLog.action, "license.restored"));
    expect(seatsAfter).toHaveLength(seatsBefore.length);
  });

  it("Let it expire updates every copy; pressed twice, it says so and records nothing more", async () => {
    const r = await removedOffice();
    const { second, copies } = await remindEveryAdmin(r);
    const first = click(r.admin.id, ids.window.letExpireAction, r.window.id);
    const [done] = (await until(() => app.fake.responses(first.responseUrl), 1)) as { text?: string }[];
    expect(done?.text).toContain("No more reminders about");
    await until(() => copies.filter((c) => !buttonsFor(c, r.window.id)), copies.length);
    for (const copy of copies) expect(shown(copy)).toContain(`Set to expire by <@${r.admin.id}> on <!date^`);

    const again = click(second.id, ids.window.letExpireAction, r.window.id);
    const [repeat] = (await until(() => app.fake.responses(again.responseUrl), 1)) as { text?: string }[];
    expect(repeat?.text).toMatch(new RegExp(`^Already set to expire by <@${r.admin.id}> on `));
    const stopped = await app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, r.window.id), eq(auditLog.action, "restore_window.reminders_stopped")),
      );
    expect(stopped).toHaveLength(1);
  });
});

describe("a requests-waiting reminder", () => {
  it("shows the decision, who and when, on every copy once the request is approved", async () => {
    const { member, admins } = await teamWithAdmins(app);
    await app.command(member.id, "request office because my laptop died");
    const requestId = await pendingRequestFor(app, member);
    const day = fixedClock(addDays(new Date(), 3));
    await runDailyJobs(app.db, day.now(), { workspaceId: app.teamId });
    await relayOutbox(app.db, day, sendJobNotice(app.db, relayClient(app.fake.token, app.fake.url)));
    const reminders = app.fake.messages
      .filter(
        (m) =>
          m.text === "License requests waiting" &&
          JSON.stringify(m.blocks).includes(`"value":"${requestId}"`),
      )
      .map((m) => ({ channel: m.channel, ts: m.ts }));
    expect(reminders.length).toBeGreaterThanOrEqual(admins.length);

    const [admin] = admins;
    if (!admin) throw new Error("no admin");
    const modal = await press(app, admin, "approve", requestId);
    await submit(app, admin, modal, "ok");
    await until(() => reminders.filter((c) => !buttonsFor(c, requestId)), reminders.length);
    for (const copy of reminders) expect(shown(copy)).toContain(`Approved by <@${admin.id}> on <!date^`);
  });
});

import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  adminNotifications,
  assignments,
  auditLog,
  people,
  restoreWindows,
  slackDeliveries,
  workspaces,
} from "../../../src/db/schema/index.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { dmChannelFor, type SlackUser, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { startSlackApp } from "../../../src/slack/app.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

let eventCounter = 0;
const newEventId = () => `Ev${Date.now().toString(36).toUpperCase()}${++eventCounter}`;

function envelope(eventId: string, event: Record<string, unknown>, teamId = app.teamId) {
  return {
    token: "verification-token",
    team_id: teamId,
    api_app_id: "A0FAKEAPP1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    authorizations: [{ team_id: teamId, user_id: app.fake.botUserId, is_bot: true }],
  };
}

/** Slack's first delivery and then its retries, each marked as Slack marks a redelivery. */
async function deliver(body: Record<string, unknown>, times: number, url = app.url) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < times; attempt++) {
    const headers: Record<string, string> =
      attempt === 0 ? {} : { "x-slack-retry-num": String(attempt), "x-slack-retry-reason": "http_timeout" };
    statuses.push((await postEvent(url, SIGNING_SECRET, body, { headers })).status);
  }
  return statuses;
}

/**
 * A bot token serves its own workspace only: the app once more, on this file's database, with a
 * token of `teamId`'s, until the test ends.
 */
async function appServing(teamId: string) {
  const fake = await startFakeSlackApi({ teamId });
  const running = await startSlackApp(
    { botToken: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.url, port: 0, host: "127.0.0.1" },
    { db: app.appDb, clock: systemClock, logger: app.logger },
  );
  onTestFinished(async () => {
    await running.close();
    await fake.close();
  });
  return { fake, url: running.url };
}

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Time for redeliveries already answered to have run their (skipped) effects. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

let admin: SlackUser | undefined;
async function workspaceWithAdmin() {
  const products = await app.exampleWorkspace();
  if (!admin) {
    admin = app.fake.users.add({ name: "ada", is_admin: true });
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [{ slackUserId: admin.id, name: "Ada", isSlackAdmin: true }],
    });
  }
  return { ...products, admin };
}

const personRow = async (slackUserId: string) =>
  (await app.db.select().from(people).where(eq(people.slackUserId, slackUserId)))[0];

const heldBy = async (slackUserId: string) => {
  const person = await personRow(slackUserId);
  if (!person) return [];
  return app.db.select().from(assignments).where(eq(assignments.personId, person.id));
};

const messagesTo = (userId: string, mentioning: string) =>
  app.fake.messages.filter((m) => m.channel === dmChannelFor(userId) && m.text.includes(`<@${mentioning}>`));

describe("team_join", () => {
  it("delivered four times, adds the person once with the default products", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "newcomer", email: "Newcomer@Example.com" });
    const body = envelope(newEventId(), { type: "team_join", user });
    expect(await deliver(body, 4)).toEqual([200, 200, 200, 200]);

    const held = await eventually(
      () => heldBy(user.id),
      (rows) => rows.length > 0,
    );
    await settle();
    expect(held).toHaveLength(1);
    expect(await heldBy(user.id)).toHaveLength(1);
    const person = await personRow(user.id);
    expect(person).toMatchObject({ name: "newcomer", email: "newcomer@example.com", active: true });
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person?.id ?? ""), eq(auditLog.action, "person.defaults_assigned")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ source: "event", actor: "system", requestId: body.event_id });
  });

  it("delivered four times at once, has one effect: when seats are short, the admins are told once", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const office = productId("office");
    const actor = { userId: "system", source: "cli" as const };
    const usage = (await getSeatUsage(app.db, { workspaceId: app.teamId })).find((p) => p.key === "office");
    const full = await setPurchasedSeats(app.db, systemClock, {
      workspaceId: app.teamId,
      productId: office,
      purchased: usage?.assigned ?? 0,
      actor,
    });
    expect(full.ok).toBe(true);
    try {
      const user = app.fake.users.add({ name: "latecomer" });
      const body = envelope(newEventId(), { type: "team_join", user });
      const answers = await Promise.all([1, 2, 3, 4].map(() => postEvent(app.url, SIGNING_SECRET, body)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);

      const told = await eventually(
        async () => messagesTo(admin.id, user.id),
        (messages) => messages.length > 0,
      );
      await settle();
      expect(messagesTo(admin.id, user.id)).toHaveLength(1);
      expect(told[0]?.text).toContain("got none of the default licenses");
      expect(told[0]?.text).toContain("Office 365 Small Business Premium (1 missing)");
      expect(await heldBy(user.id)).toHaveLength(0);
      const person = await personRow(user.id);
      const notes = await app.db
        .select()
        .from(adminNotifications)
        .where(sql`${adminNotifications.payload} -> 'person' ->> 'id' = ${person?.id ?? ""}`);
      expect(notes).toHaveLength(1);
      expect(notes[0]?.deliveredAt).toBeInstanceOf(Date);
      const claims = await app.db
        .select()
        .from(slackDeliveries)
        .where(eq(slackDeliveries.key, `event:${body.event_id}`));
      expect(claims).toHaveLength(1);
    } finally {
      await setPurchasedSeats(app.db, systemClock, {
        workspaceId: app.teamId,
        productId: office,
        purchased: 10,
        actor,
      });
    }
  });

  it("ignores bots joining", async () => {
    await workspaceWithAdmin();
    const bot = app.fake.users.add({ name: "helper-bot", is_bot: true });
    await deliver(envelope(newEventId(), { type: "team_join", user: bot }), 1);
    await settle();
    expect(await personRow(bot.id)).toBeUndefined();
  });
});

describe("user_change", () => {
  it("offboards a deactivated person once: licenses into restore windows, admins told what is at risk", async () => {
    const { admin } = await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "leaver" });
    await deliver(envelope(newEventId(), { type: "team_join", user }), 1);
    await eventually(
      () => heldBy(user.id),
      (rows) => rows.length > 0,
    );

    const deactivated = app.fake.users.update(user.id, { deleted: true });
    const before = Date.now();
    const body = envelope(newEventId(), { type: "user_change", user: deactivated });
    expect(await deliver(body, 2)).toEqual([200, 200]);

    const told = await eventually(
      async () => messagesTo(admin.id, user.id),
      (messages) => messages.length > 0,
    );
    await settle();
    expect(messagesTo(admin.id, user.id)).toHaveLength(1);
    const text = told[0]?.text ?? "";
    expect(text).toContain("was deactivated in Slack");
    expect(text).toContain("Office 365 Small Business Premium, Exchange Online");
    expect(text).toContain("Kept after removal: SharePoint Online");
    const date = /<!date\^(\d+)\^\{date_long\}\|[^>]+>/.exec(text);
    expect(date).not.toBeNull();
    const purgeAt = Number(date?.[1]) * 1000;
    expect(purgeAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1000);
    expect(purgeAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);

    expect(await heldBy(user.id)).toHaveLength(0);
    const person = await personRow(user.id);
    expect(person?.active).toBe(false);
    const windows = await app.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, person?.id ?? ""));
    expect(windows).toHaveLength(1);
    expect(windows[0]?.status).toBe("open");
    expect(Math.floor((windows[0]?.purgeAt.getTime() ?? 0) / 1000) * 1000).toBe(purgeAt);
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person?.id ?? ""), eq(auditLog.action, "person.deactivated")));
    expect(audits).toHaveLength(1);
  });

  it("makes a returning person active again, and records a profile change", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "returner" });
    await deliver(envelope(newEventId(), { type: "team_join", user }), 1);
    await eventually(
      () => heldBy(user.id),
      (rows) => rows.length > 0,
    );
    await deliver(
      envelope(newEventId(), {
        type: "user_change",
        user: app.fake.users.update(user.id, { deleted: true }),
      }),
      1,
    );
    await eventually(
      () => personRow(user.id),
      (p) => p?.active === false,
    );
    const back = app.fake.users.update(user.id, { deleted: false, is_admin: true, real_name: "Re Turner" });
    back.profile.display_name = "Re Turner";
    await deliver(envelope(newEventId(), { type: "user_change", user: back }), 1);
    const person = await eventually(
      () => personRow(user.id),
      (p) => p?.active === true,
    );
    expect(person).toMatchObject({ active: true, isSlackAdmin: true, name: "Re Turner" });
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person?.id ?? ""), eq(auditLog.action, "person.reactivated")));
    expect(audits).toHaveLength(1);
  });
});

const noSeatsProduct = {
  key: "office",
  name: "Office",
  purchasedSeats: 0,
  isDefault: true,
  plans: [{ key: "exchange", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
};

describe("app_uninstalled and tokens_revoked", () => {
  const workspace = async (id: string) => {
    await ensureWorkspace(app.db, { id, name: id });
    return eventually(
      async () => (await app.db.select().from(workspaces).where(eq(workspaces.id, id)))[0],
      () => true,
    );
  };
  const row = async (id: string) => (await app.db.select().from(workspaces).where(eq(workspaces.id, id)))[0];

  it("app_uninstalled marks the workspace inactive, once however often delivered", async () => {
    await workspace("T0UNINST01");
    const served = await appServing("T0UNINST01");
    const body = envelope(newEventId(), { type: "app_uninstalled" }, "T0UNINST01");
    expect(await deliver(body, 3, served.url)).toEqual([200, 200, 200]);
    const after = await eventually(
      () => row("T0UNINST01"),
      (w) => w?.active === false,
    );
    await settle();
    expect(after).toMatchObject({ active: false });
    expect(after?.deactivatedAt).toBeInstanceOf(Date);
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, "T0UNINST01"), eq(auditLog.action, "workspace.deactivated")));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toEqual({ active: false, reason: "app_uninstalled" });
  });

  it("tokens_revoked for the bot marks the workspace inactive; revoked user tokens alone do not", async () => {
    await workspace("T0REVOKE01");
    await workspace("T0REVOKE02");
    const [first, second] = [await appServing("T0REVOKE01"), await appServing("T0REVOKE02")];
    await deliver(
      envelope(newEventId(), { type: "tokens_revoked", tokens: { bot: [app.fake.botUserId] } }, "T0REVOKE01"),
      1,
      first.url,
    );
    await deliver(
      envelope(newEventId(), { type: "tokens_revoked", tokens: { oauth: ["U0SOMEONE1"] } }, "T0REVOKE02"),
      1,
      second.url,
    );
    const revoked = await eventually(
      () => row("T0REVOKE01"),
      (w) => w?.active === false,
    );
    await settle();
    expect(revoked?.active).toBe(false);
    expect((await row("T0REVOKE02"))?.active).toBe(true);
  });

  it("nothing more is sent to an inactive workspace: its admins' notifications wait", async () => {
    const workspaceId = "T0UNINST02";
    await workspace(workspaceId);
    const served = await appServing(workspaceId);
    const imported = await importCatalog(app.db, systemClock, {
      workspaceId,
      catalog: { products: [{ ...noSeatsProduct }] },
      actor: { userId: "system", source: "cli" },
    });
    expect(imported.ok).toBe(true);
    await upsertPeople(app.db, {
      workspaceId,
      people: [{ slackUserId: "U0INACTADM", name: "Admin", isSlackAdmin: true }],
    });
    await deliver(envelope(newEventId(), { type: "app_uninstalled" }, workspaceId), 1, served.url);
    await eventually(
      () => row(workspaceId),
      (w) => w?.active === false,
    );
    const sent = served.fake.callsTo("chat.postMessage").length;
    const stranger = served.fake.users.add({ name: "stranger" });
    await deliver(envelope(newEventId(), { type: "team_join", user: stranger }, workspaceId), 1, served.url);
    const notes = await eventually(
      () => app.db.select().from(adminNotifications).where(eq(adminNotifications.workspaceId, workspaceId)),
      (rows) => rows.length > 0,
    );
    await settle();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.deliveredAt).toBeNull();
    expect(served.fake.callsTo("chat.postMessage").length).toBe(sent);
  });
});

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, restoreWindows } from "../../../src/db/schema/index.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  deliver,
  envelope,
  heldBy,
  messagesTo,
  newEventId,
  personRow,
  workspaceWithAdminOf,
} from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);

const deactivations = async (personId: string) =>
  app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, personId), eq(auditLog.action, "person.deactivated")));

describe("user_change", () => {
  it("offboards a deactivated person once: licenses into restore windows, admins told what is at risk", async () => {
    const { admin } = await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "leaver" });
    await deliver(envelope(app, newEventId(), { type: "team_join", user }), 1, app.url);
    await app.settled();
    expect(await heldBy(app, user.id)).not.toHaveLength(0);

    const deactivated = app.fake.users.update(user.id, { deleted: true });
    const before = Date.now();
    const body = envelope(app, newEventId(), { type: "user_change", user: deactivated });
    expect(await deliver(body, 2, app.url)).toEqual([200, 200]);
    await app.settled();

    const told = messagesTo(app, admin.id, user.id);
    expect(told).toHaveLength(1);
    const text = told[0]?.text ?? "";
    expect(text).toContain("was deactivated in Slack");
    expect(text).toContain("Office 365 Small Business Premium, Exchange Online");
    expect(text).toContain("Kept after removal: SharePoint Online");
    const date = /<!date\^(\d+)\^\{date_short\} \{time\}\|[^>]+>/.exec(text);
    expect(date).not.toBeNull();
    const purgeAt = Number(date?.[1]) * 1000;
    expect(purgeAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1000);
    expect(purgeAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);

    expect(await heldBy(app, user.id)).toHaveLength(0);
    const person = await personRow(app, user.id);
    expect(person?.active).toBe(false);
    const windows = await app.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, person?.id ?? ""));
    expect(windows).toHaveLength(1);
    expect(windows[0]?.status).toBe("open");
    expect(Math.floor((windows[0]?.purgeAt.getTime() ?? 0) / 1000) * 1000).toBe(purgeAt);
    expect(await deactivations(person?.id ?? "")).toHaveLength(1);
  });

  it("a late retry of a deactivation, arriving after the person came back, leaves them active", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "boomerang" });
    await deliver(envelope(app, newEventId(), { type: "team_join", user }), 1, app.url);
    await app.settled();
    const left = envelope(app, newEventId(), {
      type: "user_change",
      user: app.fake.users.update(user.id, { deleted: true }),
    });
    await deliver(left, 1, app.url);
    await app.settled();
    const back = app.fake.users.update(user.id, { deleted: false });
    await deliver(envelope(app, newEventId(), { type: "user_change", user: back }), 1, app.url);
    await app.settled();
    expect((await personRow(app, user.id))?.active).toBe(true);

    // Slack's last retry comes five minutes on; only the claimed event id tells it from news.
    expect(await deliver(left, 1, app.url, 3)).toEqual([200]);
    await app.settled();
    const person = await personRow(app, user.id);
    expect(person?.active).toBe(true);
    expect(await deactivations(person?.id ?? "")).toHaveLength(1);
  });

  it("makes a returning person active again, and records a profile change", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "returner" });
    await deliver(envelope(app, newEventId(), { type: "team_join", user }), 1, app.url);
    await app.settled();
    await deliver(
      envelope(app, newEventId(), {
        type: "user_change",
        user: app.fake.users.update(user.id, { deleted: true }),
      }),
      1,
      app.url,
    );
    await app.settled();
    expect((await personRow(app, user.id))?.active).toBe(false);
    const back = app.fake.users.update(user.id, { deleted: false, is_admin: true, real_name: "Re Turner" });
    back.profile.display_name = "Re Turner";
    await deliver(envelope(app, newEventId(), { type: "user_change", user: back }), 1, app.url);
    await app.settled();
    const person = await personRow(app, user.id);
    expect(person).toMatchObject({ active: true, isSlackAdmin: true, name: "Re Turner" });
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person?.id ?? ""), eq(auditLog.action, "person.reactivated")));
    expect(audits).toHaveLength(1);
  });

  it("names a person by one rule, display name else real name, and follows a profile change", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "bo", real_name: "Bo Berg" });
    await deliver(envelope(app, newEventId(), { type: "team_join", user }), 1, app.url);
    await app.settled();
    expect((await personRow(app, user.id))?.name).toBe("Bo Berg");

    const named = app.fake.users.update(user.id, {});
    named.profile.display_name = "Bosse";
    await deliver(envelope(app, newEventId(), { type: "user_change", user: named }), 1, app.url);
    await app.settled();
    expect((await personRow(app, user.id))?.name).toBe("Bosse");

    const unnamed = app.fake.users.update(user.id, { real_name: "Bo Berglund" });
    unnamed.profile.display_name = "";
    await deliver(envelope(app, newEventId(), { type: "user_change", user: unnamed }), 1, app.url);
    await app.settled();
    expect((await personRow(app, user.id))?.name).toBe("Bo Berglund");
  });
});

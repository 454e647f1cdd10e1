import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { people, slackDeliveries } from "../../../src/db/schema/index.ts";
import { fixedClock, systemClock } from "../../../src/licensing/clock.ts";
import { startSlackApp } from "../../../src/slack/app.ts";
import { scheduleDirectorySync } from "../../../src/slack/directory/schedule-directory-sync.ts";
import { oauthInstallationStore } from "../../../src/slack/install/oauth-receiver-options.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { createFixture } from "../../helpers/factories.ts";
import { until } from "../../helpers/until.ts";
import { silentLogger, useOAuthApp } from "./oauth-app.ts";

const t = useTestDatabase();
const tokens = [0, 1].map((i) => `xoxb-sync-${i}-${randomBytes(6).toString("hex")}`);

const app = useOAuthApp(t, tokens);

const peopleOf = (workspaceId: string) =>
  t.db.select().from(people).where(eq(people.workspaceId, workspaceId));

it("syncs each installed workspace's directory with that workspace's own bot token, once a day", async () => {
  const [a, b] = await Promise.all([createFixture(t.db), createFixture(t.db)]);
  if (!a || !b) throw new Error("fixtures");
  await app.install(a.workspaceId, tokens[0] ?? "");
  await app.install(b.workspaceId, tokens[1] ?? "");
  const member = app.slack.users.add({ name: "synced", profile: { display_name: "Sy Synced" } });
  const listCallsBefore = app.slack.callsTo("users.list").length;

  const start = () =>
    startSlackApp(app.settings, { db: t.appDb, clock: systemClock, logger: silentLogger, directorySync: {} });
  const instances = await Promise.all([start(), start()]);
  const synced = async () =>
    (await peopleOf(a.workspaceId)).some((p) => p.slackUserId === member.id) &&
    (await peopleOf(b.workspaceId)).some((p) => p.slackUserId === member.id);
  await until(synced, (done) => done, 10_000);
  await Promise.all(instances.map((i) => i.close()));

  expect(await synced()).toBe(true);
  const lists = app.slack.callsTo("users.list").slice(listCallsBefore);
  expect(lists.map((c) => c.tokenIndex).sort()).toEqual([0, 1]);
  const today = new Date().toISOString().slice(0, 10);
  for (const workspaceId of [a.workspaceId, b.workspaceId]) {
    const claims = await t.db
      .select()
      .from(slackDeliveries)
      .where(
        and(
          eq(slackDeliveries.workspaceId, workspaceId),
          eq(slackDeliveries.key, `directory-sync:${workspaceId}:${today}`),
        ),
      );
    expect(claims).toHaveLength(1);
  }
});

it("reads each install's token afresh on every run, so a new token is used the next day", async () => {
  const c = await createFixture(t.db);
  await app.install(c.workspaceId, tokens[0] ?? "");
  const clock = fixedClock("2030-01-01T09:00:00Z");
  const deps = { db: t.appDb, clock, logger: silentLogger };
  const listsSince = (before: number) =>
    app.slack
      .callsTo("users.list")
      .slice(before)
      .map((call) => call.tokenIndex)
      .sort();
  const waitForLists = (before: number, count: number) => until(() => listsSince(before), count, 10_000);
  const firstBefore = app.slack.callsTo("users.list").length;
  const schedule = scheduleDirectorySync(
    deps,
    { installations: oauthInstallationStore(app.settings, deps), apiUrl: app.settings.apiUrl },
    { checkEveryMs: 20 },
  );
  try {
    // Three installs (two from the test above): each once that day, C with its first token.
    expect(await waitForLists(firstBefore, 3)).toEqual([0, 0, 1]);
    await app.install(c.workspaceId, tokens[1] ?? "");
    const nextBefore = app.slack.callsTo("users.list").length;
    clock.advanceDays(1);
    expect(await waitForLists(nextBefore, 3)).toEqual([0, 1, 1]);
  } finally {
    await schedule.stop();
  }
});

import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SlackOAuthConfig } from "../../../src/config.ts";
import { people, slackDeliveries } from "../../../src/db/schema/index.ts";
import { fixedClock, systemClock } from "../../../src/licensing/clock.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { scheduleDirectorySync } from "../../../src/slack/directory/schedule-directory-sync.ts";
import { oauthInstallationStore } from "../../../src/slack/install/oauth-receiver-options.ts";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";
import type { AppLogger } from "../../../src/slack/logger.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { createFixture } from "../../helpers/factories.ts";
import { type FakeOAuthApi, startFakeOAuthApi } from "./fake-oauth-api.ts";

const t = useTestDatabase();
const logger: AppLogger = { info: () => {}, warn: () => {}, error: () => {} };
const tokens = [0, 1].map((i) => `xoxb-sync-${i}-${randomBytes(6).toString("hex")}`);

let slack: FakeSlackApi;
let oauth: FakeOAuthApi;
let installer: RunningSlackApp;
let settings: SlackOAuthConfig;
beforeAll(async () => {
  slack = await startFakeSlackApi({ tokens });
  oauth = await startFakeOAuthApi({ forwardTo: slack.url });
  settings = {
    signingSecret: "test-signing-secret-0123456789",
    port: 0,
    host: "127.0.0.1",
    apiUrl: oauth.url,
    oauth: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: "state-secret-0123456789",
      tokenKeys: [{ id: "k1", key: randomBytes(32) }],
    },
  };
  installer = await startSlackApp(settings, { db: t.db, clock: systemClock, logger });
});
afterAll(async () => {
  await installer?.close();
  await oauth?.close();
  await slack?.close();
});

async function install(teamId: string, token: string): Promise<void> {
  oauth.issueCode("code", {
    access_token: token,
    token_type: "bot",
    scope: BOT_SCOPES.join(","),
    bot_user_id: slack.botUserId,
    app_id: "A0FAKEAPP1",
    team: { id: teamId, name: "Installed" },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: "U0INSTALLER" },
  });
  const start = await fetch(`${installer.url}/slack/install`, { redirect: "manual" });
  const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const done = await fetch(
    `${installer.url}/slack/oauth_redirect?code=code&state=${encodeURIComponent(state)}`,
    { headers: { cookie } },
  );
  expect(done.status).toBe(200);
}

const peopleOf = (workspaceId: string) =>
  t.db.select().from(people).where(eq(people.workspaceId, workspaceId));

it("syncs each installed workspace's directory with that workspace's own bot token, once a day", async () => {
  const [a, b] = await Promise.all([createFixture(t.db), createFixture(t.db)]);
  if (!a || !b) throw new Error("fixtures");
  await install(a.workspaceId, tokens[0] ?? "");
  await install(b.workspaceId, tokens[1] ?? "");
  const member = slack.users.add({ name: "synced", profile: { display_name: "Sy Synced" } });
  const listCallsBefore = slack.callsTo("users.list").length;

  const start = () => startSlackApp(settings, { db: t.db, clock: systemClock, logger, directorySync: {} });
  const instances = await Promise.all([start(), start()]);
  const deadline = Date.now() + 10_000;
  const synced = async () =>
    (await peopleOf(a.workspaceId)).some((p) => p.slackUserId === member.id) &&
    (await peopleOf(b.workspaceId)).some((p) => p.slackUserId === member.id);
  while (!(await synced()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await Promise.all(instances.map((i) => i.close()));

  expect(await synced()).toBe(true);
  const lists = slack.callsTo("users.list").slice(listCallsBefore);
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
  await install(c.workspaceId, tokens[0] ?? "");
  const clock = fixedClock("2030-01-01T09:00:00Z");
  const deps = { db: t.db, clock, logger };
  const listsSince = (before: number) =>
    slack
      .callsTo("users.list")
      .slice(before)
      .map((call) => call.tokenIndex)
      .sort();
  const waitForLists = async (before: number, count: number) => {
    const deadline = Date.now() + 10_000;
    while (listsSince(before).length < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return listsSince(before);
  };
  const firstBefore = slack.callsTo("users.list").length;
  const schedule = scheduleDirectorySync(
    deps,
    { installations: oauthInstallationStore(settings, deps), apiUrl: settings.apiUrl },
    { checkEveryMs: 20 },
  );
  try {
    // Three installs (two from the test above): each once that day, C with its first token.
    expect(await waitForLists(firstBefore, 3)).toEqual([0, 0, 1]);
    await install(c.workspaceId, tokens[1] ?? "");
    const nextBefore = slack.callsTo("users.list").length;
    clock.advanceDays(1);
    expect(await waitForLists(nextBefore, 3)).toEqual([0, 1, 1]);
  } finally {
    await schedule.stop();
  }
});

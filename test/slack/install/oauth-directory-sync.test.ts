import { randomBytes } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobRuns, people } from "../../../src/db/schema/index.ts";
import { postgresRunCoordinator } from "../../../src/jobs/postgres-run-coordinator.ts";
import { runDueDirectorySyncs } from "../../../src/jobs/run-due-directory-syncs.ts";
import { startScheduler } from "../../../src/jobs/start-scheduler.ts";
import { fixedClock, systemClock } from "../../../src/licensing/clock.ts";
import { slackDirectorySource } from "../../../src/slack/directory/slack-directory-source.ts";
import { relayClient, sendJobNotice } from "../../../src/slack/notices/send-job-notice.ts";
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

  const deps = { db: t.appDb, clock: systemClock, logger: silentLogger };
  const start = () =>
    startScheduler({
      ...deps,
      send: sendJobNotice(deps.db, relayClient(tokens[0] ?? "", app.settings.apiUrl)),
      directory: slackDirectorySource(deps, app.running.syncConnection),
    });
  const instances = await Promise.all([start(), start()]);
  const synced = async () =>
    (await peopleOf(a.workspaceId)).some((p) => p.slackUserId === member.id) &&
    (await peopleOf(b.workspaceId)).some((p) => p.slackUserId === member.id);
  await until(synced, (done) => done, 10_000);
  await Promise.all(instances.map((i) => i.stop()));

  expect(await synced()).toBe(true);
  const lists = app.slack.callsTo("users.list").slice(listCallsBefore);
  expect(lists.map((c) => c.tokenIndex).sort()).toEqual([0, 1]);
  for (const workspaceId of [a.workspaceId, b.workspaceId]) {
    const claims = await t.db
      .select()
      .from(jobRuns)
      .where(like(jobRuns.key, `directory:${workspaceId}:%`));
    expect(claims).toMatchObject([{ finishedAt: expect.any(Date) }]);
  }
});

it("reads each install's token afresh on every run, so a new token is used the next day", async () => {
  const c = await createFixture(t.db);
  await app.install(c.workspaceId, tokens[0] ?? "");
  const clock = fixedClock("2030-01-01T09:00:00Z");
  const deps = { db: t.appDb, clock, logger: silentLogger };
  const source = slackDirectorySource(deps, app.running.syncConnection);
  const coordinator = postgresRunCoordinator(t.appDb, clock);
  const run = async () => {
    const before = app.slack.callsTo("users.list").length;
    await runDueDirectorySyncs(t.appDb, clock, coordinator, source, new AbortController().signal);
    return app.slack
      .callsTo("users.list")
      .slice(before)
      .map((call) => call.tokenIndex)
      .sort();
  };
  // Three installs (two from the test above): each once that day, C with its first token.
  expect(await run()).toEqual([0, 0, 1]);
  expect(await run()).toEqual([]);
  await app.install(c.workspaceId, tokens[1] ?? "");
  clock.advanceDays(1);
  expect(await run()).toEqual([0, 1, 1]);
});

import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jobRuns, workspaces } from "../../src/db/schema/index.ts";
import { withinWorkspace } from "../../src/db/workspace-scope.ts";
import { postgresRunCoordinator } from "../../src/jobs/postgres-run-coordinator.ts";
import { runDueDirectorySyncs } from "../../src/jobs/run-due-directory-syncs.ts";
import { fixedClock } from "../../src/licensing/clock.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";
import { slackDirectorySource } from "../../src/slack/directory/slack-directory-source.ts";
import { useTestDatabase } from "../helpers/database.ts";

const t = useTestDatabase();
let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.users.add({ name: "someone" });
});
afterAll(() => fake?.close());

const silent = { info() {}, warn() {}, error() {} };

it("claims the directory sync once per workspace and local day, across two runners", async () => {
  // 23:30 in Auckland on 1 June: the workspace's day is not UTC's.
  const clock = fixedClock("2026-06-01T11:30:00Z");
  const runner = (instance: string) => {
    const deps = { db: t.appDb, clock, logger: silent };
    const source = slackDirectorySource(deps, { botToken: fake.token, apiUrl: fake.url });
    const coordinator = postgresRunCoordinator(t.appDb, clock, instance);
    return () => runDueDirectorySyncs(t.appDb, clock, coordinator, source, new AbortController().signal);
  };
  const [one, two] = [runner("one"), runner("two")];
  const lists = () => fake.callsTo("users.list").length;

  // The first look records the workspace; from then on it lives in Auckland.
  await one();
  await withinWorkspace(fake.teamId, () =>
    t.appDb.update(workspaces).set({ timeZone: "Pacific/Auckland" }).where(eq(workspaces.id, fake.teamId)),
  );
  await t.db.delete(jobRuns);
  const listsBefore = lists();

  const both = await Promise.all([one(), two()]);
  expect(both.flatMap((run) => run.synced)).toEqual([{ workspaceId: fake.teamId, localDate: "2026-06-01" }]);
  expect(lists() - listsBefore).toBe(1);
  expect((await Promise.all([one(), two()])).flatMap((run) => run.synced)).toEqual([]);

  // 00:30 on 2 June in Auckland, still 1 June in UTC: a new local day, synced once more.
  clock.set("2026-06-01T12:30:00Z");
  const next = await Promise.all([two(), one()]);
  expect(next.flatMap((run) => run.synced)).toEqual([{ workspaceId: fake.teamId, localDate: "2026-06-02" }]);
  expect(lists() - listsBefore).toBe(2);
  const claims = await t.db
    .select()
    .from(jobRuns)
    .where(like(jobRuns.key, `directory:${fake.teamId}:%`));
  expect(claims.map((c) => [c.key, c.finishedAt instanceof Date]).sort()).toEqual([
    [`directory:${fake.teamId}:2026-06-01`, true],
    [`directory:${fake.teamId}:2026-06-02`, true],
  ]);
});

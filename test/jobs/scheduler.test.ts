import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns, outbox, reminders, restoreWindows } from "../../src/db/schema/index.ts";
import { postgresRunCoordinator } from "../../src/jobs/postgres-run-coordinator.ts";
import { startScheduler } from "../../src/jobs/start-scheduler.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { addDays, fixedClock } from "../../src/licensing/clock.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";
import { relayClient, sendJobNotice } from "../../src/slack/notices/send-job-notice.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";
import { until } from "../helpers/until.ts";

const t = useTestDatabase();
let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(() => slack?.close());

const silent = { info() {}, warn() {}, error() {} };

describe("the scheduler", () => {
  it("three instances starting together run the day's jobs once and send each message once", async () => {
    const f = await createFixture(t.db);
    const owner = slack.users.add({ name: "owner", is_owner: true });
    await f.addPeople([{ slackUserId: owner.id, name: "Owner", isSlackAdmin: true }]);
    slack.users.add({ id: "UADMIN", name: "remover" });
    // Maja is told of her license and its removal (rule 12): she must be someone Slack knows.
    const maja = slack.users.add({ name: "maja" });
    const input = {
      workspaceId: f.workspaceId,
      personId: await f.addPerson({ slackUserId: maja.id, name: "Maja" }),
      productId: await f.productId("office"),
      actor: admin,
    };
    if (!(await assignProduct(t.db, f.clock, input)).ok) throw new Error("assign");
    if (!(await removeProduct(t.db, f.clock, input)).ok) throw new Error("remove");
    const clock = fixedClock(addDays(f.clock.now(), 23));
    const send = sendJobNotice(t.db, relayClient(slack.token, slack.url));
    const runs: unknown[] = [];
    const logger = {
      ...silent,
      info: (message: string, context?: unknown) => message === "daily jobs ran" && runs.push(context),
    };
    const instances = await Promise.all(
      [1, 2, 3].map(() => startScheduler({ db: t.appDb, clock, logger, send })),
    );
    let stopped = false;
    const stopAll = async () => {
      if (stopped) return;
      stopped = true;
      await Promise.all(instances.map((s) => s.stop()));
    };
    const reminded = () =>
      slack
        .callsTo("chat.postMessage")
        .filter((c) => c.args.text === "Removed licenses whose data is deleted soon");
    try {
      await until(reminded, 2);
      // Stopping waits for every instance's runs, its start-up run and relays included: whatever
      // the others were going to send again has been sent by then.
      await stopAll();
      expect(
        reminded()
          .map((c) => c.args.channel)
          .sort(),
      ).toEqual(["UADMIN", owner.id].sort());
      // One instance of three ran the workspace's day; the others found the slot taken.
      expect(runs).toMatchObject([{ workspaceId: f.workspaceId }]);
      const [window] = await t.db
        .select()
        .from(restoreWindows)
        .where(eq(restoreWindows.personId, input.personId));
      expect(
        await t.db
          .select()
          .from(reminders)
          .where(eq(reminders.subjectId, window?.id as string)),
      ).toHaveLength(1);
      expect(
        await t.db
          .select()
          .from(jobRuns)
          .where(like(jobRuns.key, `daily:${f.workspaceId}:%`)),
      ).toMatchObject([{ finishedAt: expect.any(Date) }]);
      const rows = await t.db.select().from(outbox).where(eq(outbox.workspaceId, f.workspaceId));
      expect(rows.filter((r) => r.status === "sent").length).toBe(rows.length);
    } finally {
      await stopAll();
    }
  });

  it("lets one instance claim a slot, and another take it over only once the first's lease ran out", async () => {
    const clock = fixedClock("2026-06-01T09:00:00Z");
    const [one, two] = [
      postgresRunCoordinator(t.db, clock, "one"),
      postgresRunCoordinator(t.db, clock, "two"),
    ];
    const key = `daily:TSLOT:${clock.now().toISOString()}`;
    expect(await Promise.all([one.shouldRun(key, 60_000), two.shouldRun(key, 60_000)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    clock.set("2026-06-01T09:00:59Z");
    expect(await two.shouldRun(key, 60_000)).toBe(false);
    clock.set("2026-06-01T09:01:01Z");
    expect(await two.shouldRun(key, 60_000)).toBe(true);
    await two.onComplete?.(key);
    clock.set("2026-06-01T10:00:00Z");
    expect(await one.shouldRun(key, 60_000)).toBe(false);
  });
});

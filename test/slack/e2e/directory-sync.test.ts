import { WebClient } from "@slack/web-api";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminNotifications,
  assignments,
  jobRuns,
  people,
  restoreWindows,
  workspaces,
} from "../../../src/db/schema/index.ts";
import { startScheduler } from "../../../src/jobs/start-scheduler.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import {
  dmChannelFor,
  type FakeSlackApi,
  startFakeSlackApi,
} from "../../../src/local-slack/fake-slack-api.ts";
import type { RateLimitPolicy } from "../../../src/slack/directory/directory-sync-options.ts";
import { slackDirectorySource } from "../../../src/slack/directory/slack-directory-source.ts";
import { syncDirectory } from "../../../src/slack/directory/sync-directory.ts";
import { relayClient, sendJobNotice } from "../../../src/slack/notices/send-job-notice.ts";
import type { AppLogger } from "../../../src/slack/shared/logger.ts";
import type { SlackDeps } from "../../../src/slack/slack-deps.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { until } from "../../helpers/until.ts";

const t = useTestDatabase();
let fake: FakeSlackApi;
const logs: { level: string; message: string; context?: Record<string, unknown> }[] = [];
const logger: AppLogger = {
  info: (message, context) => logs.push({ level: "info", message, context }),
  warn: (message, context) => logs.push({ level: "warn", message, context }),
  error: (message, context) => logs.push({ level: "error", message, context }),
};
const deps = (): SlackDeps => ({ db: t.db, clock: systemClock, logger });

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.users.add({ id: "USLACKBOT", name: "slackbot" });
  fake.users.add({ name: "deploy-bot", is_bot: true });
  fake.users.add({ id: "U0OWNER001", name: "olga", is_owner: true, email: "Olga@Example.com" });
  fake.users.add({ id: "U0GONE0001", name: "gone", deleted: true });
  fake.users.addMany(Array.from({ length: 446 }, (_, i) => ({ name: `member${i + 1}` })));
  await ensureWorkspace(t.db, { id: fake.teamId, name: "Fake", defaultUsageLocation: "SE" });
});
afterAll(async () => {
  await fake?.close();
});

const syncClient = () => new WebClient(fake.token, { slackApiUrl: fake.url, rejectRateLimitedCalls: true });

function recordingPolicy(overrides: Partial<RateLimitPolicy> = {}) {
  const slept: number[] = [];
  const policy: RateLimitPolicy = {
    sleep: async (ms) => {
      slept.push(ms);
    },
    maxWaits: 3,
    maxWaitSeconds: 5,
    ...overrides,
  };
  return { slept, policy };
}

const person = async (slackUserId: string) =>
  (
    await t.db
      .select()
      .from(people)
      .where(and(eq(people.workspaceId, fake.teamId), eq(people.slackUserId, slackUserId)))
  )[0];

describe("directory sync", () => {
  it("pages through users.list, waits out a 429 in the middle and resumes from the same cursor", async () => {
    fake.users.afterListPage = (page) => {
      if (page === 1) fake.failNext("users.list", { status: 429, retryAfter: 1 });
    };
    const { slept, policy } = recordingPolicy();
    const callsBefore = fake.callsTo("users.list").length;
    const counts = await syncDirectory(deps(), syncClient(), { workspaceId: fake.teamId }, policy);
    fake.users.afterListPage = undefined;

    expect(counts).toMatchObject({ pages: 3, people: 448, skippedBots: 2, rateLimitWaits: 1 });
    expect(slept).toEqual([1000]);
    const calls = fake.callsTo("users.list").slice(callsBefore);
    expect(calls.map((c) => c.error)).toEqual([undefined, "ratelimited", undefined, undefined]);
    expect(calls.every((c) => String(c.args.limit) === "200")).toBe(true);
    const cursors = calls.map((c) => c.args.cursor);
    expect(cursors[0]).toBeUndefined();
    expect(cursors[1]).toBeTruthy();
    expect(cursors[2]).toBe(cursors[1]);
    expect(cursors[3]).not.toBe(cursors[2]);

    const [{ count } = { count: 0 }] = await t.db
      .select({ count: sql<number>`count(*)::int` })
      .from(people)
      .where(eq(people.workspaceId, fake.teamId));
    expect(count).toBe(448);
    expect(await person("USLACKBOT")).toBeUndefined();
    expect(await person("U0OWNER001")).toMatchObject({
      isSlackAdmin: true,
      email: "olga@example.com",
      timeZone: "Europe/Stockholm",
      active: true,
    });
    expect(await person("U0GONE0001")).toMatchObject({ active: false, isSlackAdmin: false });
    const [workspace] = await t.db.select().from(workspaces).where(eq(workspaces.id, fake.teamId));
    expect(workspace?.directorySyncedAt).toBeInstanceOf(Date);
  });

  it("offboards whoever Slack now reports deactivated, and makes whoever is back active again", async () => {
    await importCatalog(t.db, systemClock, {
      workspaceId: fake.teamId,
      catalog: await exampleCatalog(),
      actor: { userId: "system", source: "cli" },
    });
    const office = (await getSeatUsage(t.db, { workspaceId: fake.teamId })).find((p) => p.key === "office");
    const leaver = fake.users.list().find((u) => u.name === "member7");
    const leaverRow = await person(leaver?.id ?? "");
    const assigned = await assignProduct(t.db, systemClock, {
      workspaceId: fake.teamId,
      personId: leaverRow?.id ?? "",
      productId: office?.productId ?? "",
      actor: { userId: "U0OWNER001", source: "command" },
    });
    expect(assigned.ok).toBe(true);
    fake.users.update(leaver?.id ?? "", { deleted: true });
    fake.users.update("U0GONE0001", { deleted: false });

    const counts = await syncDirectory(
      deps(),
      syncClient(),
      { workspaceId: fake.teamId },
      recordingPolicy().policy,
    );
    expect(counts).toMatchObject({ deactivated: 1, reactivated: 1 });
    expect(await person(leaver?.id ?? "")).toMatchObject({ active: false });
    expect(await person("U0GONE0001")).toMatchObject({ active: true });
    expect(
      await t.db
        .select()
        .from(assignments)
        .where(eq(assignments.personId, leaverRow?.id ?? "")),
    ).toEqual([]);
    const windows = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, leaverRow?.id ?? ""));
    expect(windows.map((w) => w.status)).toEqual(["open"]);

    const again = await syncDirectory(
      deps(),
      syncClient(),
      { workspaceId: fake.teamId },
      recordingPolicy().policy,
    );
    expect(again).toMatchObject({ deactivated: 0, reactivated: 0 });
  });

  it("gives whoever joined while the app was not listening the default products, at the next sync", async () => {
    const newcomer = fake.users.add({ name: "newcomer" });
    const counts = await syncDirectory(
      deps(),
      syncClient(),
      { workspaceId: fake.teamId },
      recordingPolicy().policy,
    );
    expect(counts).toMatchObject({ joined: 1 });
    const row = await person(newcomer.id);
    const held = await t.db
      .select()
      .from(assignments)
      .where(eq(assignments.personId, row?.id ?? ""));
    expect(held).toHaveLength(1);
    const again = await syncDirectory(
      deps(),
      syncClient(),
      { workspaceId: fake.teamId },
      recordingPolicy().policy,
    );
    expect(again).toMatchObject({ joined: 0 });
  });

  it("gives up when Slack asks to wait longer than it will, and changes nothing more", async () => {
    fake.failNext("users.list", { status: 429, retryAfter: 600 });
    const { slept, policy } = recordingPolicy();
    await expect(syncDirectory(deps(), syncClient(), { workspaceId: fake.teamId }, policy)).rejects.toThrow(
      /rate limited/,
    );
    expect(slept).toEqual([]);
  });

  it("runs when the jobs start, on one instance of two, and tells the admins about offboarding", async () => {
    const leaver = fake.users.list().find((u) => u.name === "member8");
    const leaverRow = await person(leaver?.id ?? "");
    const office = (await getSeatUsage(t.db, { workspaceId: fake.teamId })).find((p) => p.key === "office");
    await assignProduct(t.db, systemClock, {
      workspaceId: fake.teamId,
      personId: leaverRow?.id ?? "",
      productId: office?.productId ?? "",
      actor: { userId: "U0OWNER001", source: "command" },
    });
    fake.users.update(leaver?.id ?? "", { deleted: true });
    const listCallsBefore = fake.callsTo("users.list").length;
    const authCallsBefore = fake.callsTo("auth.test").length;

    const start = () => {
      const appDeps = { ...deps(), db: t.appDb };
      return startScheduler({
        ...appDeps,
        send: sendJobNotice(appDeps.db, relayClient(fake.token, fake.url)),
        directory: slackDirectorySource(appDeps, { botToken: fake.token, apiUrl: fake.url }),
      });
    };
    const instances = await Promise.all([start(), start()]);
    const toldOwner = () =>
      fake.messages.filter(
        (m) => m.channel === dmChannelFor("U0OWNER001") && m.text.includes(`<@${leaver?.id}>`),
      );
    await until(toldOwner, 1, 10_000);
    await Promise.all(instances.map((i) => i.stop()));

    expect(fake.callsTo("auth.test").length - authCallsBefore).toBeGreaterThanOrEqual(2);
    expect(fake.callsTo("users.list").length - listCallsBefore).toBe(3);
    expect(toldOwner()).toHaveLength(1);
    expect(toldOwner()[0]?.text).toContain("was deactivated in Slack");
    expect(await person(leaver?.id ?? "")).toMatchObject({ active: false });
    const undelivered = await t.db
      .select()
      .from(adminNotifications)
      .where(
        and(eq(adminNotifications.workspaceId, fake.teamId), sql`${adminNotifications.deliveredAt} is null`),
      );
    expect(undelivered).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const claims = await t.db
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.key, `directory:${fake.teamId}:${today}`));
    expect(claims).toMatchObject([{ finishedAt: expect.any(Date) }]);
    expect(logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

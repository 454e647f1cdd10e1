import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, workspaces } from "../../src/db/schema/index.ts";
import { relayOutbox, type SendMessage } from "../../src/jobs/outbox-relay.ts";
import { fixedClock } from "../../src/licensing/clock.ts";
import { enqueueNotices } from "../../src/licensing/outbox/enqueue.ts";
import { inTransaction } from "../../src/licensing/outcome.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";
import { relayClient, sendJobNotice } from "../../src/slack/notices/send-job-notice.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { createFixture, admin as fixtureAdmin } from "../helpers/factories.ts";

const t = useTestDatabase();
let slackA: FakeSlackApi;
let slackB: FakeSlackApi;

beforeAll(async () => {
  [slackA, slackB] = await Promise.all([startFakeSlackApi(), startFakeSlackApi()]);
});
afterAll(async () => {
  await Promise.all([slackA?.close(), slackB?.close()]);
});

const lowSeats = (product: string) => ({
  kind: "low_seats" as const,
  items: [{ product, available: 0, purchased: 10 }],
});

/** Two workspaces, each with its own Slack, and `count` queued messages in each. */
async function twoWorkspaces(count: number) {
  const clock = fixedClock("2026-05-04T09:00:00Z");
  const [a, b] = await Promise.all([createFixture(t.db), createFixture(t.db)]);
  if (!a || !b) throw new Error("fixtures");
  const fakes = new Map([
    [a.workspaceId, slackA],
    [b.workspaceId, slackB],
  ]);
  const senders = new Map(
    [...fakes].map(([workspaceId, fake]) => [
      workspaceId,
      sendJobNotice(t.db, relayClient(fake.token, fake.url)),
    ]),
  );
  const send: SendMessage = (message) => {
    const sender = senders.get(message.workspaceId);
    if (!sender) throw new Error(`no Slack for ${message.workspaceId}`);
    return sender(message);
  };
  const queue = async (workspaceId: string, fake: FakeSlackApi) => {
    const channels = Array.from({ length: count }, (_, i) => fake.users.add({ name: `admin-${i}` }).id);
    await inTransaction(t.db, (tx) =>
      enqueueNotices(
        tx,
        clock.now(),
        channels.map((channel, i) => ({
          workspaceId,
          dedupeKey: `test:${channel}`,
          channel,
          notice: lowSeats(`Product ${i}`),
        })),
      ),
    );
  };
  await queue(a.workspaceId, slackA);
  await queue(b.workspaceId, slackB);
  const rows = async (workspaceId: string) =>
    t.db.select().from(outbox).where(eq(outbox.workspaceId, workspaceId)).orderBy(outbox.channel);
  return { clock, a: a.workspaceId, b: b.workspaceId, send, rows };
}

const postsTo = (fake: FakeSlackApi, channels: string[]) =>
  fake.callsTo("chat.postMessage").filter((c) => !c.error && channels.includes(String(c.args.channel)));

describe("the outbox relay", () => {
  it("pauses only the workspace Slack rate-limited, and sends its messages once when Slack said", async () => {
    const w = await twoWorkspaces(3);
    slackA.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    const first = await relayOutbox(t.db, w.clock, w.send);
    expect(first).toMatchObject({ sent: 3, retrying: 3, failed: 0, pausedWorkspaces: [w.a] });
    expect((await w.rows(w.b)).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    const paused = await w.rows(w.a);
    expect(paused.map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
      ["pending", 0],
    ]);
    const [workspace] = await t.db.select().from(workspaces).where(eq(workspaces.id, w.a));
    expect(workspace?.outboxPausedUntil).toEqual(new Date("2026-05-04T09:00:30Z"));

    w.clock.set("2026-05-04T09:00:20Z");
    expect(await relayOutbox(t.db, w.clock, w.send)).toMatchObject({ sent: 0 });
    w.clock.set("2026-05-04T09:00:31Z");
    expect(await relayOutbox(t.db, w.clock, w.send)).toMatchObject({ sent: 3 });
    expect(await relayOutbox(t.db, w.clock, w.send)).toMatchObject({ sent: 0 });
    const channels = paused.map((r) => r.channel);
    expect(postsTo(slackA, channels)).toHaveLength(3);
    const [sent] = postsTo(slackA, channels.slice(0, 1));
    const [row] = await w.rows(w.a);
    expect(sent?.args.metadata).toEqual({
      event_type: "license_desk_notice",
      event_payload: { outbox_id: row?.id },
    });
    expect(row?.messageTs).toMatch(/^\d+\.\d+$/);
  });

  it("leaves a message a dead relay was sending until its lease ends, then sends it once", async () => {
    const w = await twoWorkspaces(1);
    await t.db
      .update(outbox)
      .set({ leaseUntil: new Date("2026-05-04T09:01:00Z"), attempts: 1 })
      .where(eq(outbox.workspaceId, w.a));
    expect(await relayOutbox(t.db, w.clock, w.send)).toMatchObject({ sent: 1 });
    w.clock.set("2026-05-04T09:01:01Z");
    expect(await relayOutbox(t.db, w.clock, w.send)).toMatchObject({ sent: 1 });
    expect((await w.rows(w.a)).map((r) => [r.status, r.attempts])).toEqual([["sent", 2]]);
  });

  it("retries other errors with backoff, gives up after five attempts, and at once on a gone channel", async () => {
    const w = await twoWorkspaces(1);
    const [row] = await w.rows(w.a);
    for (let i = 0; i < 5; i += 1) slackA.failNext("chat.postMessage", "internal_error");
    slackB.failNext("chat.postMessage", "channel_not_found");
    const first = await relayOutbox(t.db, w.clock, w.send);
    expect(first).toMatchObject({ sent: 0, retrying: 1, failed: 1 });
    expect((await w.rows(w.b)).map((r) => [r.status, r.lastError])).toEqual([
      ["failed", "channel_not_found"],
    ]);
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      const [before] = await w.rows(w.a);
      expect(before?.nextAttemptAt.getTime()).toBeGreaterThan(w.clock.now().getTime());
      w.clock.set(before?.nextAttemptAt as Date);
      await relayOutbox(t.db, w.clock, w.send);
    }
    expect((await w.rows(w.a)).map((r) => [r.id, r.status, r.attempts])).toEqual([[row?.id, "failed", 5]]);
  });

  it("sends what an approvals channel refused to each admin instead", async () => {
    const clock = fixedClock("2026-05-04T09:00:00Z");
    const f = await createFixture(t.db);
    // The workspace's one admin: the fixture's, who is in its directory, here in Slack too.
    const admin = slackA.users.add({ id: fixtureAdmin.userId, name: "admin", is_admin: true });
    await inTransaction(t.db, (tx) =>
      enqueueNotices(tx, clock.now(), [
        { workspaceId: f.workspaceId, dedupeKey: "low", channel: "C0APPROVALS", notice: lowSeats("Office") },
      ]),
    );
    const send = sendJobNotice(t.db, relayClient(slackA.token, slackA.url));
    slackA.failNext("chat.postMessage", "not_in_channel");
    expect(await relayOutbox(t.db, clock, send)).toMatchObject({ sent: 0, failed: 1 });
    expect(await relayOutbox(t.db, clock, send)).toMatchObject({ sent: 1, failed: 0 });
    const rows = await t.db.select().from(outbox).where(eq(outbox.workspaceId, f.workspaceId));
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ["C0APPROVALS", "failed"],
      [admin.id, "sent"],
    ]);
  });
});

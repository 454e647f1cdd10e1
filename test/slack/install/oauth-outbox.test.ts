import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { outbox, slackInstallations, workspaces } from "../../../src/db/schema/index.ts";
import { relayOutbox } from "../../../src/jobs/outbox-relay.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { enqueueNotices } from "../../../src/licensing/outbox/enqueue.ts";
import { inTransaction } from "../../../src/licensing/outcome.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { relaySender } from "../../../src/slack/notices/relay-sender.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { createFixture } from "../../helpers/factories.ts";
import { silentLogger, useOAuthApp } from "./oauth-app.ts";

const t = useTestDatabase();
const tokens = [0, 1].map((i) => `xoxb-install-${i}-${randomBytes(6).toString("hex")}`);

const app = useOAuthApp(t, tokens);

async function queueNotice(workspaceId: string, channel: string): Promise<void> {
  await inTransaction(t.db, (tx) =>
    enqueueNotices(tx, systemClock.now(), [
      {
        workspaceId,
        dedupeKey: `test:${workspaceId}`,
        channel,
        notice: { kind: "low_seats", items: [{ product: workspaceId, available: 0, purchased: 1 }] },
      },
    ]),
  );
}

it("sends each workspace's queued notices with that workspace's own bot token", async () => {
  const [a, b, gone] = await Promise.all([createFixture(t.db), createFixture(t.db), createFixture(t.db)]);
  if (!a || !b || !gone) throw new Error("fixtures");
  await app.install(a.workspaceId, tokens[0] ?? "");
  await app.install(b.workspaceId, tokens[1] ?? "");
  await queueNotice(a.workspaceId, "C0AAAAAAA");
  await queueNotice(b.workspaceId, "C0BBBBBBB");
  await queueNotice(gone.workspaceId, "C0CCCCCCC");
  const send = await relaySender(
    { slackOAuth: app.settings },
    { db: t.appDb, clock: systemClock, logger: silentLogger },
  );
  if (!send) throw new Error("OAuth app.settings give a sender");

  const relayed = await relayOutbox(t.db, systemClock, send);

  expect(relayed).toMatchObject({ sent: 2, failed: 1 });
  const posts = app.slack.callsTo("chat.postMessage").filter((c) => !c.error);
  const tokenUsedFor = (channel: string) => posts.find((c) => c.args.channel === channel)?.tokenIndex;
  expect(tokenUsedFor("C0AAAAAAA")).toBe(0);
  expect(tokenUsedFor("C0BBBBBBB")).toBe(1);
  const [failed] = await t.db.select().from(outbox).where(eq(outbox.channel, "C0CCCCCCC"));
  expect(failed).toMatchObject({ status: "failed" });
  expect(failed?.lastError).toContain(`no Slack installation for workspace ${gone.workspaceId}`);
});

function envelope(teamId: string, event: Record<string, unknown>) {
  const eventId = `Ev${randomBytes(6).toString("hex").toUpperCase()}`;
  return {
    token: "verification-token",
    team_id: teamId,
    api_app_id: "A0FAKEAPP1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    authorizations: [{ team_id: teamId, user_id: app.slack.botUserId, is_bot: true }],
  };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const installationsOf = (teamId: string) =>
  t.db.select().from(slackInstallations).where(eq(slackInstallations.teamId, teamId));
const isActive = async (workspaceId: string) =>
  (await t.db.select().from(workspaces).where(eq(workspaces.id, workspaceId)))[0]?.active;

it.each([
  ["app_uninstalled", {}],
  ["tokens_revoked", { tokens: { bot: ["B0FAKEBOT"] } }],
])(
  "on %s deletes the install at once and stops the workspace; installing again brings it back",
  async (type, event) => {
    const f = await createFixture(t.db);
    await app.install(f.workspaceId, tokens[0] ?? "");
    expect(await installationsOf(f.workspaceId)).toHaveLength(1);

    const answer = await postEvent(
      app.running.url,
      app.settings.signingSecret,
      envelope(f.workspaceId, { type, ...event }),
    );
    expect(answer.status).toBe(200);
    expect(
      await eventually(
        () => installationsOf(f.workspaceId),
        (rows) => rows.length === 0,
      ),
    ).toEqual([]);
    expect(
      await eventually(
        () => isActive(f.workspaceId),
        (active) => active === false,
      ),
    ).toBe(false);

    // Its queued messages wait: the relay leaves an inactive workspace alone.
    await queueNotice(f.workspaceId, "C0UNINSTAL");
    const send = await relaySender(
      { slackOAuth: app.settings },
      { db: t.appDb, clock: systemClock, logger: silentLogger },
    );
    if (!send) throw new Error("OAuth app.settings give a sender");
    await relayOutbox(t.db, systemClock, send, { workspaceId: f.workspaceId });
    const [waiting] = await t.db.select().from(outbox).where(eq(outbox.workspaceId, f.workspaceId));
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });

    await app.install(f.workspaceId, tokens[1] ?? "");
    expect(await isActive(f.workspaceId)).toBe(true);
    const relayed = await relayOutbox(t.db, systemClock, send, { workspaceId: f.workspaceId });
    expect(relayed).toMatchObject({ sent: 1 });
    const post = app.slack
      .callsTo("chat.postMessage")
      .find((c) => c.args.channel === "C0UNINSTAL" && !c.error);
    expect(post?.tokenIndex).toBe(1);
  },
);

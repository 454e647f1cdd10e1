import { eq } from "drizzle-orm";
import { onTestFinished } from "vitest";
import { assignments, people } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { dmChannelFor, type SlackUser, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { startSlackApp } from "../../../src/slack/app.ts";
import { SIGNING_SECRET, type useRunningSlackApp } from "../../helpers/slack/running-app.ts";

type Harness = ReturnType<typeof useRunningSlackApp>;

let eventCounter = 0;
export const newEventId = () => `Ev${Date.now().toString(36).toUpperCase()}${++eventCounter}`;

/** An Events API delivery of `event` as it is now (later changes to the fake user do not reach it), as Slack wraps it. */
export function envelope(app: Harness, eventId: string, event: Record<string, unknown>, teamId = app.teamId) {
  return {
    token: "verification-token",
    team_id: teamId,
    api_app_id: "A0FAKEAPP1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...structuredClone(event), event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    authorizations: [{ team_id: teamId, user_id: app.fake.botUserId, is_bot: true }],
  };
}

/**
 * Slack's first delivery and then its retries, each marked as Slack marks a redelivery; `firstRetry`
 * numbers a late retry that comes after the others were answered.
 */
export async function deliver(body: Record<string, unknown>, times: number, url: string, firstRetry = 0) {
  const statuses: number[] = [];
  for (let attempt = firstRetry; attempt < firstRetry + times; attempt++) {
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
export async function appServing(app: Harness, teamId: string) {
  const fake = await startFakeSlackApi({ teamId });
  const running = await startSlackApp(
    { botToken: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.url, port: 0, host: "127.0.0.1" },
    { db: app.appDb, clock: systemClock, logger: app.logger },
  );
  onTestFinished(async () => {
    await running.close();
    await fake.close();
  });
  return { fake, url: running.url, settled: () => running.inFlight.idle() };
}

/** The example workspace with one admin the directory knows, the same admin for every test of a file. */
export function workspaceWithAdminOf(app: Harness) {
  let admin: SlackUser | undefined;
  return async () => {
    const products = await app.exampleWorkspace();
    if (!admin) {
      admin = app.fake.users.add({ name: "ada", is_admin: true });
      await upsertPeople(app.db, {
        workspaceId: app.teamId,
        people: [{ slackUserId: admin.id, name: "Ada", isSlackAdmin: true }],
      });
    }
    return { ...products, admin };
  };
}

export const personRow = async (app: Harness, slackUserId: string) =>
  (await app.db.select().from(people).where(eq(people.slackUserId, slackUserId)))[0];

export const heldBy = async (app: Harness, slackUserId: string) => {
  const person = await personRow(app, slackUserId);
  if (!person) return [];
  return app.db.select().from(assignments).where(eq(assignments.personId, person.id));
};

/** Direct messages to `userId` that mention `mentioning`. */
export const messagesTo = (app: Harness, userId: string, mentioning: string) =>
  app.fake.messages.filter((m) => m.channel === dmChannelFor(userId) && m.text.includes(`<@${mentioning}>`));

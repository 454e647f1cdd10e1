import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { slackDeliveries } from "../../../src/db/schema/index.ts";
import { postEvent, postInteraction, postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const MAX_IN_FLIGHT = 2;
const app = useRunningSlackApp({ maxInFlight: MAX_IN_FLIGHT });

const health = async () => (await fetch(`${app.url}/healthz`)).status;
const deliveries = async () =>
  (await app.db.select({ n: sql<number>`count(*)::int` }).from(slackDeliveries))[0]?.n;

describe("more requests than the instance works on at once", () => {
  it("answers the rest busy at once, without doing any of their work, and serves again once it has room", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "admin", is_admin: true });
    const member = app.fake.users.add({ name: "member" });
    const command = (text: string, responseUrl = app.fake.responseUrl()) =>
      postSlashCommand(app.url, SIGNING_SECRET, {
        command: "/license",
        text,
        user_id: admin.id,
        team_id: app.teamId,
        trigger_id: app.fake.issueTriggerId(),
        response_url: responseUrl,
      });

    // Two removals wait on a slow Slack (views.open), which fills the instance.
    const release = app.fake.hold("views.open");
    onTestFinished(release);
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      expect((await command(`remove <@${member.id}> office`)).status).toBe(200);
    }
    // Both have claimed their delivery and wait in views.open: the instance is full.
    expect(await until(() => app.fake.callsTo("views.open"), MAX_IN_FLIGHT)).toHaveLength(MAX_IN_FLIGHT);
    expect(await health()).toBe(503);
    const busyHealth = await fetch(`${app.url}/healthz`);
    expect(await busyHealth.json()).toEqual({ ok: false, busy: true });
    const claimedBefore = await deliveries();
    const callsBefore = app.fake.calls.length;

    const started = Date.now();
    const shedCommand = await command("status");
    expect(shedCommand.status).toBe(200);
    expect(shedCommand.body).toEqual({ response_type: "ephemeral", text: en["busy.try_again"]() });

    const event = await postEvent(app.url, SIGNING_SECRET, {
      type: "event_callback",
      team_id: app.teamId,
      event_id: "Ev0BUSY0001",
      event: { type: "team_join", user: { id: "U0BUSY0001", team_id: app.teamId } },
    });
    expect(event.status).toBe(503);
    expect(event.headers.get("retry-after")).toBe("60");

    const submission = await postInteraction(app.url, SIGNING_SECRET, {
      type: "view_submission",
      team: { id: app.teamId },
      user: { id: admin.id, team_id: app.teamId },
      view: { id: "V0BUSY0001", callback_id: "anything", private_metadata: "", state: { values: {} } },
    });
    expect(submission.status).toBe(200);
    expect(submission.body).toMatchObject({ response_action: "push", view: { type: "modal" } });
    expect(Date.now() - started).toBeLessThan(3000);

    const buttonResponseUrl = app.fake.responseUrl();
    const button = await postInteraction(app.url, SIGNING_SECRET, {
      type: "block_actions",
      team: { id: app.teamId },
      user: { id: admin.id, team_id: app.teamId },
      response_url: buttonResponseUrl,
      actions: [{ action_id: "anything", value: "x" }],
    });
    expect(button.status).toBe(200);
    const [told] = await until(() => app.fake.responses(buttonResponseUrl), 1);
    expect(told).toMatchObject({ response_type: "ephemeral", text: en["busy.try_again"]() });

    // None of it reached the database or Slack's API.
    expect(await deliveries()).toBe(claimedBefore);
    expect(app.fake.calls.length).toBe(callsBefore);

    // An unsigned request gets nothing but a refusal, even when busy.
    const forged = await postSlashCommand(app.url, "not-the-secret", {
      command: "/license",
      text: "status",
      user_id: admin.id,
      team_id: app.teamId,
    });
    expect(forged.status).toBe(401);

    release();
    expect(await until(health, (status) => status === 200)).toBe(200);
    const responseUrl = app.fake.responseUrl();
    await command("status", responseUrl);
    const [reply] = (await until(() => app.fake.responses(responseUrl), 1)) as { text?: string }[];
    expect(reply?.text).not.toBe(en["busy.try_again"]());
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, isValidSlackRequest, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";
import {
  postEvent,
  postInteraction,
  postSlashCommand,
  signSlackRequest,
} from "../../src/local-slack/signed-requests.ts";

describe("signSlackRequest", () => {
  it("reproduces the example in Slack's 'Verifying requests from Slack'", () => {
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V" +
      "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
      "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
      "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", body, 1531420618)).toEqual({
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
      "x-slack-request-timestamp": "1531420618",
    });
  });

  it("is accepted by Bolt's own verifier", () => {
    const headers = signSlackRequest("s3cret", '{"type":"event_callback"}', 1_700_000_000);
    const verify = (secret: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body: '{"type":"event_callback"}',
        headers: { ...headers, "x-slack-request-timestamp": 1_700_000_000 },
        nowMilliseconds: 1_700_000_010_000,
      });
    expect(verify("s3cret")).toBe(true);
    expect(verify("other")).toBe(false);
  });
});

describe("signed requests to a Bolt app backed by the fake Slack API", () => {
  const secret = "test-signing-secret";
  let fake: FakeSlackApi;
  let server: Server;
  let appUrl: string;

  beforeAll(async () => {
    fake = await startFakeSlackApi({ users: [{ id: "UANNA", name: "anna" }] });
    const receiver = new HTTPReceiver({ signingSecret: secret, logLevel: LogLevel.ERROR });
    const app = new App({
      token: fake.token,
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.command("/license", async ({ ack, body, client, respond }) => {
      await ack();
      await client.views.open({
        trigger_id: body.trigger_id,
        view: { type: "modal", title: { type: "plain_text", text: "License" }, blocks: [] },
      });
      await respond({ text: `Working on "${body.text}"` });
    });
    app.action("approve", async ({ ack, respond }) => {
      await ack();
      await respond({ text: "Approved", replace_original: true });
    });
    app.event("app_home_opened", async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [] } });
    });
    server = createServer(receiver.requestListener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await fake.close();
  });

  it("runs a slash command: ack, views.open with the trigger_id, then respond()", async () => {
    const response_url = fake.responseUrl();
    const answer = await postSlashCommand(appUrl, secret, {
      command: "/license",
      text: "office @anna",
      user_id: "UANNA",
      trigger_id: fake.issueTriggerId(),
      response_url,
    });
    expect(answer).toMatchObject({ status: 200, body: "" });
    await vi.waitFor(() =>
      expect(fake.responses(response_url)).toEqual([{ text: 'Working on "office @anna"' }]),
    );
    expect(fake.callsTo("views.open")).toMatchObject([{ args: { view: { title: { text: "License" } } } }]);
    expect(fake.callsTo("views.open")[0]?.error).toBeUndefined();
  });

  it("delivers an interaction payload", async () => {
    const response_url = fake.responseUrl();
    const answer = await postInteraction(appUrl, secret, {
      type: "block_actions",
      user: { id: "UANNA" },
      team: { id: fake.teamId },
      trigger_id: fake.issueTriggerId(),
      response_url,
      actions: [{ type: "button", action_id: "approve", block_id: "b", value: "42", action_ts: "1" }],
    });
    expect(answer.status).toBe(200);
    await vi.waitFor(() => expect(fake.responses(response_url)).toMatchObject([{ text: "Approved" }]));
  });

  it("delivers an Events API envelope, and answers the url_verification challenge", async () => {
    const answer = await postEvent(appUrl, secret, {
      type: "event_callback",
      team_id: fake.teamId,
      api_app_id: "A0FAKEAPP1",
      event_id: "Ev0001",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: "UANNA", channel: "DANNA", tab: "home" },
    });
    expect(answer.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("views.publish")).toHaveLength(1));
    const challenge = await postEvent(appUrl, secret, {
      type: "url_verification",
      challenge: "abc",
      token: "t",
    });
    expect(challenge).toMatchObject({ status: 200, body: { challenge: "abc" } });
  });

  it("is refused by Bolt when the secret is wrong or the timestamp is stale", async () => {
    const fields = { command: "/license", user_id: "UANNA", trigger_id: fake.issueTriggerId() };
    expect((await postSlashCommand(appUrl, "wrong-secret", fields)).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSlashCommand(appUrl, secret, fields, { timestampSec: sixMinutesAgo })).status).toBe(
      401,
    );
    expect(fake.callsTo("views.open")).toHaveLength(1);
  });
});

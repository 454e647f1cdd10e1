import { describe, expect, it } from "vitest";
import { postSigned, postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();
const now = () => Math.floor(Date.now() / 1000);

describe("the HTTP contract with Slack", () => {
  it("answers the health check once the database answers", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it.each([
    ["a wrong signature", { secret: "not-the-secret", timestampSec: now() }],
    ["a timestamp six minutes old", { secret: SIGNING_SECRET, timestampSec: now() - 360 }],
    ["a timestamp six minutes ahead", { secret: SIGNING_SECRET, timestampSec: now() + 360 }],
  ])("refuses %s with 401 and does nothing", async (_label, { secret, timestampSec }) => {
    const before = app.fake.calls.length;
    const response = await postSlashCommand(
      app.url,
      secret,
      { command: "/license", text: "status", user_id: "U1", team_id: app.teamId },
      { timestampSec },
    );
    expect(response.status).toBe(401);
    expect(app.fake.calls.length).toBe(before);
  });

  it("refuses an unsigned body", async () => {
    const response = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "url_verification", challenge: "x" }),
    });
    expect(response.status).toBe(401);
  });

  it("answers Slack's URL verification", async () => {
    const response = await postSigned(
      app.url,
      SIGNING_SECRET,
      JSON.stringify({ type: "url_verification", challenge: "c0ffee" }),
      "application/json",
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ challenge: "c0ffee" });
  });
});

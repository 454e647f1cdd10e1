import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";
import type { AppLogger } from "../../../src/slack/logger.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { type FakeOAuthApi, startFakeOAuthApi } from "./fake-oauth-api.ts";

const SIGNING_SECRET = "test-signing-secret-0123456789";
const t = useTestDatabase();
const logger: AppLogger = { info: () => {}, warn: () => {}, error: () => {} };

let slack: FakeSlackApi;
let oauth: FakeOAuthApi;
let running: RunningSlackApp;
beforeAll(async () => {
  // The workspace's Web API accepts only the token its install will bring.
  slack = await startFakeSlackApi({ tokens: [`xoxb-installed-${randomBytes(6).toString("hex")}`] });
  oauth = await startFakeOAuthApi({ forwardTo: slack.url });
  running = await startSlackApp(
    {
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: "127.0.0.1",
      apiUrl: oauth.url,
      oauth: {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: "state-secret-0123456789",
        tokenKeys: [{ id: "k1", key: randomBytes(32) }],
      },
    },
    { db: t.db, clock: systemClock, logger },
  );
});
afterAll(async () => {
  await running?.close();
  await oauth?.close();
  await slack?.close();
});

async function install(teamId: string, token: string): Promise<void> {
  oauth.issueCode("code", {
    access_token: token,
    token_type: "bot",
    scope: BOT_SCOPES.join(","),
    bot_user_id: slack.botUserId,
    app_id: "A0FAKEAPP1",
    team: { id: teamId, name: "Installed" },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: "U0INSTALLER" },
  });
  const start = await fetch(`${running.url}/slack/install`, { redirect: "manual" });
  const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const done = await fetch(
    `${running.url}/slack/oauth_redirect?code=code&state=${encodeURIComponent(state)}`,
    {
      headers: { cookie },
    },
  );
  expect(done.status).toBe(200);
}

async function poll<T>(read: () => T[], timeoutMs = 5000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (read().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return read();
}

it("answers a workspace that installed through OAuth with that install's token", async () => {
  await install(slack.teamId, slack.token);
  await ensureWorkspace(t.db, { id: slack.teamId, name: "Installed", defaultUsageLocation: "SE" });
  await importCatalog(t.db, systemClock, {
    workspaceId: slack.teamId,
    catalog: await exampleCatalog(),
    actor: { userId: "system", source: "cli" },
  });
  const member = slack.users.add({ name: "member" });
  const responseUrl = slack.responseUrl();
  const http = await postSlashCommand(running.url, SIGNING_SECRET, {
    command: "/license",
    text: "status",
    user_id: member.id,
    team_id: slack.teamId,
    trigger_id: slack.issueTriggerId(),
    response_url: responseUrl,
  });
  expect(http.status).toBe(200);
  const [reply] = await poll(() => slack.responses(responseUrl));
  expect(JSON.stringify(reply)).toContain("10 of 10 available");
  expect(slack.calls.filter((call) => call.error === "invalid_auth")).toEqual([]);
  expect(slack.calls.length).toBeGreaterThan(0);
});

it("drops a request from a workspace that never installed", async () => {
  const responseUrl = slack.responseUrl();
  const before = slack.calls.length;
  await postSlashCommand(running.url, SIGNING_SECRET, {
    command: "/license",
    text: "status",
    user_id: "U0STRANGER",
    team_id: "T0NOTINSTALLED",
    trigger_id: slack.issueTriggerId(),
    response_url: responseUrl,
  });
  await new Promise((r) => setTimeout(r, 200));
  expect(slack.responses(responseUrl)).toEqual([]);
  expect(slack.calls.length).toBe(before);
});

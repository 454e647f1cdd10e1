import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackOAuthConfig } from "../../../src/config.ts";
import { slackInstallations } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { createTokenCipher } from "../../../src/secrets/token-cipher.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { createPostgresInstallationStore } from "../../../src/slack/install/postgres-installation-store.ts";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";
import type { AppLogger } from "../../../src/slack/shared/logger.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { type FakeOAuthApi, startFakeOAuthApi } from "./fake-oauth-api.ts";

const t = useTestDatabase();
const tokenKeys = [{ id: "k1", key: randomBytes(32) }];
const logs: string[] = [];
const logger: AppLogger = {
  info: () => {},
  warn: (message) => logs.push(message),
  error: (message) => logs.push(message),
};

let fake: FakeOAuthApi;
let running: RunningSlackApp;
beforeAll(async () => {
  fake = await startFakeOAuthApi();
  const config: SlackOAuthConfig = {
    signingSecret: "test-signing-secret-0123456789",
    port: 0,
    host: "127.0.0.1",
    apiUrl: fake.url,
    oauth: {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      stateSecret: "state-secret-0123456789",
      tokenKeys,
    },
  };
  running = await startSlackApp(config, { db: t.appDb, clock: systemClock, logger });
});
afterAll(async () => {
  await running?.close();
  await fake?.close();
});

/** GET /slack/install as a browser does: the authorize URL it is sent to, and the state cookie. */
async function startInstall() {
  const res = await fetch(`${running.url}/slack/install`, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "");
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { res, location, cookie, state: location.searchParams.get("state") ?? "" };
}

const redirect = (query: string, cookie: string) =>
  fetch(`${running.url}/slack/oauth_redirect?${query}`, { headers: { cookie }, redirect: "manual" });

const teamGrant = (teamId: string, token: string) => ({
  access_token: token,
  token_type: "bot",
  scope: BOT_SCOPES.join(","),
  bot_user_id: "U0BOT",
  app_id: "A0APP",
  team: { id: teamId, name: "Installed" },
  enterprise: null,
  is_enterprise_install: false,
  authed_user: { id: "U0INSTALLER" },
});

describe("installing through OAuth", () => {
  it("sends the installer to Slack's authorize page with the app's scopes and a state", async () => {
    const { res, location, cookie, state } = await startInstall();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe(fake.clientId);
    expect(location.searchParams.get("scope")).toBe(BOT_SCOPES.join(","));
    expect(state).not.toBe("");
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it("trades the code for tokens on the redirect and keeps them sealed", async () => {
    const token = `xoxb-installed-${randomBytes(6).toString("hex")}`;
    fake.issueCode("code-1", teamGrant("T_OAUTH", token));
    const { cookie, state } = await startInstall();
    const res = await redirect(`code=code-1&state=${encodeURIComponent(state)}`, cookie);
    expect(res.status).toBe(200);
    expect(fake.codeCalls).toContain("code-1");

    const rows = await t.db.select().from(slackInstallations);
    const row = rows.find((r) => r.teamId === "T_OAUTH");
    expect(row).toMatchObject({
      isEnterpriseInstall: false,
      botUserId: "U0BOT",
      botId: "B0BOT",
      userId: "U0INSTALLER",
    });
    expect(row?.botScopes).toEqual([...BOT_SCOPES]);
    expect(row?.botToken).toMatch(/^v1:k1:/);
    expect(JSON.stringify(rows)).not.toContain(token);

    const store = createPostgresInstallationStore({
      db: t.appDb,
      cipher: createTokenCipher(tokenKeys),
      clock: systemClock,
      logger,
      refresh: async () => {
        throw new Error("no refresh expected");
      },
    });
    const fetched = await store.fetchInstallation({
      teamId: "T_OAUTH",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe(token);
  });

  it("stores an org-wide install on Enterprise Grid under the org", async () => {
    fake.issueCode("code-org", {
      ...teamGrant("unused", "xoxb-org-token"),
      team: null,
      enterprise: { id: "E_OAUTH", name: "Grid" },
      is_enterprise_install: true,
    });
    const { cookie, state } = await startInstall();
    const res = await redirect(`code=code-org&state=${encodeURIComponent(state)}`, cookie);
    expect(res.status).toBe(200);
    const row = (await t.db.select().from(slackInstallations)).find((r) => r.enterpriseId === "E_OAUTH");
    expect(row).toMatchObject({ teamId: null, isEnterpriseInstall: true, enterpriseName: "Grid" });
    expect(row?.enterpriseUrl).toBe("https://fake.slack.test/");
  });

  it("refuses a redirect whose state is not this browser's, and trades no code", async () => {
    fake.issueCode("code-2", teamGrant("T_FORGED", "xoxb-forged"));
    const { cookie } = await startInstall();
    const other = await startInstall();
    const res = await redirect(`code=code-2&state=${encodeURIComponent(other.state)}`, cookie);
    expect(res.status).not.toBe(200);
    expect(fake.codeCalls).not.toContain("code-2");
    const rows = await t.db.select().from(slackInstallations);
    expect(rows.find((r) => r.teamId === "T_FORGED")).toBeUndefined();
  });
});

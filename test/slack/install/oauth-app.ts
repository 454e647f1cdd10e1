import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import type { SlackOAuthConfig } from "../../../src/config.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { BOT_SCOPES } from "../../../src/slack/install/scopes.ts";
import type { AppLogger } from "../../../src/slack/shared/logger.ts";
import type { TestDatabase } from "../../helpers/database.ts";
import { type FakeOAuthApi, startFakeOAuthApi } from "./fake-oauth-api.ts";

export const silentLogger: AppLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The app in OAuth mode on this file's database, with a fake Slack that accepts `tokens` and a fake
 * OAuth endpoint in front of it; `install` runs a workspace through /slack/install and back.
 */
export function useOAuthApp(t: Pick<TestDatabase, "appDb">, tokens: string[]) {
  let slack: FakeSlackApi | undefined;
  let oauth: FakeOAuthApi | undefined;
  let running: RunningSlackApp | undefined;
  let settings: SlackOAuthConfig | undefined;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ tokens });
    oauth = await startFakeOAuthApi({ forwardTo: slack.url });
    settings = {
      signingSecret: "test-signing-secret-0123456789",
      port: 0,
      host: "127.0.0.1",
      apiUrl: oauth.url,
      oauth: {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: "state-secret-0123456789",
        tokenKeys: [{ id: "k1", key: randomBytes(32) }],
      },
    };
    running = await startSlackApp(settings, { db: t.appDb, clock: systemClock, logger: silentLogger });
  });
  afterAll(async () => {
    await running?.close();
    await oauth?.close();
    await slack?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll: use it inside tests`);
    return value;
  };
  return {
    get slack() {
      return need(slack, "the fake Slack");
    },
    get running() {
      return need(running, "the app");
    },
    get settings() {
      return need(settings, "the OAuth settings");
    },
    /** Installs the app into `teamId`, whose bot token will be `token`. */
    async install(teamId: string, token: string): Promise<void> {
      const app = need(running, "the app");
      need(oauth, "the fake OAuth endpoint").issueCode("code", {
        access_token: token,
        token_type: "bot",
        scope: BOT_SCOPES.join(","),
        bot_user_id: need(slack, "the fake Slack").botUserId,
        app_id: "A0FAKEAPP1",
        team: { id: teamId, name: "Installed" },
        enterprise: null,
        is_enterprise_install: false,
        authed_user: { id: "U0INSTALLER" },
      });
      const start = await fetch(`${app.url}/slack/install`, { redirect: "manual" });
      const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const done = await fetch(
        `${app.url}/slack/oauth_redirect?code=code&state=${encodeURIComponent(state)}`,
        {
          headers: { cookie },
        },
      );
      expect(done.status).toBe(200);
    },
  };
}

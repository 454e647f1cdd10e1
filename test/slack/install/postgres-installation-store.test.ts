import { randomBytes } from "node:crypto";
import { type Installation, InstallProvider } from "@slack/oauth";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenKey } from "../../../src/config.ts";
import { type Database, openDatabase } from "../../../src/db/client.ts";
import { slackInstallations } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { createTokenCipher } from "../../../src/secrets/token-cipher.ts";
import { botTokenFor } from "../../../src/slack/install/bot-token-for.ts";
import { createPostgresInstallationStore } from "../../../src/slack/install/postgres-installation-store.ts";
import { resealInstallations } from "../../../src/slack/install/reseal-installations.ts";
import { slackTokenRefresher } from "../../../src/slack/install/token-refresh.ts";
import type { AppLogger } from "../../../src/slack/shared/logger.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { type FakeOAuthApi, startFakeOAuthApi } from "./fake-oauth-api.ts";

const t = useTestDatabase();
const keyA: TokenKey = { id: "a", key: randomBytes(32) };
const keyB: TokenKey = { id: "b", key: randomBytes(32) };
const errors: string[] = [];
const logger: AppLogger = { info: () => {}, warn: () => {}, error: (message) => errors.push(message) };

let fake: FakeOAuthApi;
beforeAll(async () => {
  fake = await startFakeOAuthApi({ refreshDelayMs: 150 });
});
afterAll(async () => {
  await fake.close();
});

function storeOn(db: Database, keys: TokenKey[] = [keyA]) {
  return createPostgresInstallationStore({
    db,
    cipher: createTokenCipher(keys),
    clock: systemClock,
    logger,
    refresh: slackTokenRefresher({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      apiUrl: fake.url,
    }),
  });
}

function teamInstall(teamId: string, bot: Partial<NonNullable<Installation["bot"]>> = {}): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    isEnterpriseInstall: false,
    authVersion: "v2",
    appId: "A0APP",
    tokenType: "bot",
    user: { id: "U0INSTALLER", token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${teamId}-token`,
      id: "B0BOT",
      userId: "U0BOT",
      scopes: ["commands", "chat:write"],
      ...bot,
    },
  };
}

const rowsOf = async (db: Database) => db.select().from(slackInstallations);

describe("the installation store", () => {
  it("stores a workspace's install sealed, fetches it, and deletes it", async () => {
    const store = storeOn(t.db);
    await store.storeInstallation(teamInstall("T1"));
    const [row] = (await rowsOf(t.db)).filter((r) => r.teamId === "T1");
    expect(row?.botToken).toMatch(/^v1:a:/);
    expect(JSON.stringify(row)).not.toContain("xoxb-T1-token");

    const fetched = await store.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched).toMatchObject({
      team: { id: "T1", name: "Team T1" },
      isEnterpriseInstall: false,
      authVersion: "v2",
      bot: { token: "xoxb-T1-token", id: "B0BOT", userId: "U0BOT", scopes: ["commands", "chat:write"] },
      user: { id: "U0INSTALLER" },
    });

    await store.deleteInstallation?.({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      store.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/no installation for team T1/);
  });

  it("replaces an install when the workspace installs again, keeping one row", async () => {
    const store = storeOn(t.db);
    await store.storeInstallation(teamInstall("T2"));
    await store.storeInstallation(teamInstall("T2", { token: "xoxb-T2-again", scopes: ["commands"] }));
    const rows = (await rowsOf(t.db)).filter((r) => r.teamId === "T2");
    expect(rows).toHaveLength(1);
    const fetched = await store.fetchInstallation({
      teamId: "T2",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot).toMatchObject({ token: "xoxb-T2-again", scopes: ["commands"] });
  });

  it("finds a workspace installed before it joined an org, and keeps one row when it installs again", async () => {
    const store = storeOn(t.db);
    await store.storeInstallation(teamInstall("T6"));
    const before = await store.fetchInstallation({
      enterpriseId: "E6",
      teamId: "T6",
      isEnterpriseInstall: false,
    });
    expect(before.bot?.token).toBe("xoxb-T6-token");
    await store.storeInstallation({
      ...teamInstall("T6", { token: "xoxb-T6-in-org" }),
      enterprise: { id: "E6" },
    });
    const rows = (await rowsOf(t.db)).filter((r) => r.teamId === "T6");
    expect(rows.map((r) => r.enterpriseId)).toEqual(["E6"]);
    const after = await store.fetchInstallation({
      enterpriseId: "E6",
      teamId: "T6",
      isEnterpriseInstall: false,
    });
    expect(after.bot?.token).toBe("xoxb-T6-in-org");
  });

  it("keys an org-wide install by its enterprise, and finds it for any workspace of the org", async () => {
    const store = storeOn(t.db);
    await store.storeInstallation({
      team: undefined,
      enterprise: { id: "E1", name: "Grid" },
      isEnterpriseInstall: true,
      enterpriseUrl: "https://grid.enterprise.slack.com/",
      authVersion: "v2",
      user: { id: "U0ADMIN", token: undefined, scopes: undefined },
      bot: { token: "xoxb-E1-org", id: "B0ORG", userId: "U0ORGBOT", scopes: ["commands"] },
    });
    const [row] = (await rowsOf(t.db)).filter((r) => r.enterpriseId === "E1");
    expect(row).toMatchObject({ teamId: null, isEnterpriseInstall: true });

    const asOrg = await store.fetchInstallation({
      enterpriseId: "E1",
      teamId: undefined,
      isEnterpriseInstall: true,
    });
    expect(asOrg).toMatchObject({
      enterprise: { id: "E1" },
      isEnterpriseInstall: true,
      bot: { token: "xoxb-E1-org" },
    });
    // A request from a workspace inside the org, asked as a workspace install.
    const fromTeam = await store.fetchInstallation({
      enterpriseId: "E1",
      teamId: "T9",
      isEnterpriseInstall: false,
    });
    expect(fromTeam.bot?.token).toBe("xoxb-E1-org");
    // Another org sees nothing of it.
    await expect(
      store.fetchInstallation({ enterpriseId: "E2", teamId: "T9", isEnterpriseInstall: false }),
    ).rejects.toThrow(/no installation/);

    // A workspace's own install inside the org wins over the org's.
    await store.storeInstallation({ ...teamInstall("T8"), enterprise: { id: "E1" } });
    const own = await store.fetchInstallation({
      enterpriseId: "E1",
      teamId: "T8",
      isEnterpriseInstall: false,
    });
    expect(own.bot?.token).toBe("xoxb-T8-token");

    // Uninstalling from that workspace leaves the org's install alone.
    await store.deleteInstallation?.({ enterpriseId: "E1", teamId: "T8", isEnterpriseInstall: false });
    const after = await store.fetchInstallation({
      enterpriseId: "E1",
      teamId: "T8",
      isEnterpriseInstall: false,
    });
    expect(after.bot?.token).toBe("xoxb-E1-org");
    await store.deleteInstallation?.({ enterpriseId: "E1", teamId: undefined, isEnterpriseInstall: true });
    expect((await rowsOf(t.db)).filter((r) => r.enterpriseId === "E1")).toEqual([]);
  });

  it("gives jobs a workspace's bot token, the org's inside an org-wide install", async () => {
    const store = storeOn(t.db);
    await store.storeInstallation(teamInstall("T7"));
    await store.storeInstallation({
      team: undefined,
      enterprise: { id: "E7" },
      isEnterpriseInstall: true,
      authVersion: "v2",
      user: { id: "U0ADMIN", token: undefined, scopes: undefined },
      bot: { token: "xoxb-E7-org", id: "B0ORG", userId: "U0ORGBOT", scopes: ["commands"] },
    });
    const tokenFor = botTokenFor(store);
    expect(await tokenFor({ teamId: "T7" })).toBe("xoxb-T7-token");
    expect(await tokenFor({ teamId: "T70", enterpriseId: "E7" })).toBe("xoxb-E7-org");
    await expect(tokenFor({ teamId: "T71" })).rejects.toThrow(/no installation for team T71/);
  });

  it("reads rows sealed with the old key after a rotation, and seals new rows with the new one", async () => {
    await storeOn(t.db, [keyA]).storeInstallation(teamInstall("T3"));
    const rotated = storeOn(t.db, [keyB, keyA]);
    const fetched = await rotated.fetchInstallation({
      teamId: "T3",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe("xoxb-T3-token");
    await rotated.storeInstallation(teamInstall("T4"));
    const rows = await rowsOf(t.db);
    expect(rows.find((r) => r.teamId === "T3")?.botToken).toMatch(/^v1:a:/);
    expect(rows.find((r) => r.teamId === "T4")?.botToken).toMatch(/^v1:b:/);
  });

  it("refuses a token in clear in the database itself", async () => {
    const failure = await t.db
      .insert(slackInstallations)
      .values({ teamId: "T5", isEnterpriseInstall: false, userId: "U1", botToken: "xoxb-clear" })
      .then(
        () => undefined,
        (error: unknown) => error as { cause?: { message?: string } },
      );
    expect(failure?.cause?.message).toMatch(/slack_installations_tokens_sealed/);
  });
});

describe("token rotation", () => {
  const rotatingInstall = async (db: Database, teamId: string, expiresInSeconds: number) => {
    const refreshToken = `xoxe-1-first-${teamId}`;
    fake.issueRefreshToken(refreshToken);
    await storeOn(db).storeInstallation(
      teamInstall(teamId, {
        token: `xoxe.xoxb-${teamId}-first`,
        refreshToken,
        expiresAt: Math.floor(Date.now() / 1000) + expiresInSeconds,
      }),
    );
    return refreshToken;
  };

  it("leaves a token that is far from expiry alone, and hands Bolt no refresh token", async () => {
    await rotatingInstall(t.db, "R1", 10 * 3600);
    const before = fake.refreshCalls.length;
    const fetched = await storeOn(t.db).fetchInstallation({
      teamId: "R1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fake.refreshCalls.length).toBe(before);
    expect(fetched.bot?.token).toBe("xoxe.xoxb-R1-first");
    expect(fetched.bot?.refreshToken).toBeUndefined();
  });

  it("refreshes once when two instances authorize at once, and both get the new token", async () => {
    const first = await rotatingInstall(t.db, "R2", 30 * 60);
    // A second instance: its own connection pool on Postgres; the same database either way.
    const other = t.url ? await openDatabase({ kind: "postgres", url: t.url, poolMax: 2 }) : undefined;
    try {
      const providers = [t.db, other?.db ?? t.db].map(
        (db) =>
          new InstallProvider({
            clientId: fake.clientId,
            clientSecret: fake.clientSecret,
            stateSecret: "state-secret-0123456789",
            installationStore: storeOn(db),
            clientOptions: { slackApiUrl: fake.url },
          }),
      );
      const before = fake.refreshCalls.length;
      const results = await Promise.all(
        providers.map((p) =>
          p.authorize({ teamId: "R2", enterpriseId: undefined, isEnterpriseInstall: false }),
        ),
      );
      expect(fake.refreshCalls.slice(before)).toEqual([first]);
      const [a, b] = results;
      expect(a?.botToken).toMatch(/^xoxe\.xoxb-1-rotated-/);
      expect(b?.botToken).toBe(a?.botToken);
      expect(errors).toEqual([]);

      const [row] = (await rowsOf(t.db)).filter((r) => r.teamId === "R2");
      const cipher = createTokenCipher([keyA]);
      const storedRefresh = cipher.decrypt(
        row?.botRefreshToken ?? "",
        "slack_installations::R2:bot_refresh_token",
      );
      expect(storedRefresh).toMatch(/^xoxe-1-refresh-/);
      expect(storedRefresh).not.toBe(first);
      expect(row?.botTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);

      // The stored refresh token is the live one: the next rotation works.
      await t.db
        .update(slackInstallations)
        .set({ botTokenExpiresAt: new Date(Date.now() + 60_000) })
        .where(sql`${slackInstallations.teamId} = 'R2'`);
      const next = await providers[0]?.authorize({
        teamId: "R2",
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(next?.botToken).toMatch(/^xoxe\.xoxb-1-rotated-/);
      expect(next?.botToken).not.toBe(a?.botToken);
      expect(errors).toEqual([]);
    } finally {
      await other?.close();
    }
  });

  it("keeps the current token when Slack refuses the refresh, and logs it", async () => {
    await storeOn(t.db).storeInstallation(
      teamInstall("R3", {
        token: "xoxe.xoxb-R3-first",
        refreshToken: "xoxe-1-never-issued",
        expiresAt: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    const fetched = await storeOn(t.db).fetchInstallation({
      teamId: "R3",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe("xoxe.xoxb-R3-first");
    expect(errors.splice(0)).toEqual(["Slack token refresh failed"]);
  });
});

// Last: it moves every row of this file's database to key b.
describe("retiring a key", () => {
  it("seals every token again under the current key, after which the old key can go", async () => {
    await storeOn(t.db, [keyA]).storeInstallation(
      teamInstall("K1", { refreshToken: "xoxe-1-k1", expiresAt: 2e9 }),
    );
    const changed = await resealInstallations(t.db, createTokenCipher([keyB, keyA]), systemClock);
    expect(changed).toBeGreaterThan(0);
    const sealed = (await rowsOf(t.db)).flatMap((r) => [
      r.botToken,
      r.botRefreshToken,
      r.userToken,
      r.userRefreshToken,
    ]);
    expect(sealed.filter((value) => value !== null && !value.startsWith("v1:b:"))).toEqual([]);
    const onlyB = storeOn(t.db, [keyB]);
    const fetched = await onlyB.fetchInstallation({
      teamId: "K1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe("xoxb-K1-token");
    expect(await resealInstallations(t.db, createTokenCipher([keyB, keyA]), systemClock)).toBe(0);
  });
});

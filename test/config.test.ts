import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { describeConnectionError, openDatabase } from "../src/db/client.ts";

describe("loadConfig", () => {
  it("uses the embedded database under ./.data when no DATABASE_URL is set", () => {
    expect(loadConfig({})).toEqual({
      database: { kind: "pglite", dataDir: "./.data" },
      workspaceId: "T_LOCAL",
      instanceCount: 1,
      shutdownTimeoutMs: 25_000,
      shutdownDrainMs: 0,
      uninstalledRetentionDays: 30,
      microsoft365Cloud: {
        graphUrl: "https://graph.microsoft.com/v1.0",
        loginUrl: "https://login.microsoftonline.com",
      },
    });
    expect(loadConfig({ DATABASE_URL: "", DATA_DIR: "/srv/ld" }).database).toEqual({
      kind: "pglite",
      dataDir: "/srv/ld",
    });
  });

  it("uses Postgres when DATABASE_URL is set", () => {
    expect(
      loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/ld", DATABASE_POOL_MAX: "4" }).database,
    ).toEqual({
      kind: "postgres",
      url: "postgresql://u:p@db:5432/ld",
      poolMax: 4,
    });
  });

  it.each([
    ["mysql://u@h/db", /DATABASE_URL must be a URL like postgres:/],
    ["not a url", /DATABASE_URL must be a URL/],
    ["postgres://", /DATABASE_URL must be a URL/],
  ])("names a malformed DATABASE_URL %j", (url, message) => {
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(message);
  });

  it("names every bad setting at once", () => {
    try {
      loadConfig({ DATABASE_URL: "nope", DATABASE_POOL_MAX: "zero" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(" ")[0])).toEqual([
        "DATABASE_URL",
        "DATABASE_POOL_MAX",
      ]);
    }
  });
});

describe("an unreachable database", () => {
  it("gets one line naming the problem, without the password", async () => {
    await expect(
      openDatabase({ kind: "postgres", url: "postgres://me:secret@127.0.0.1:1/ld", poolMax: 1 }),
    ).rejects.toThrow(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/ld: connection refused/);
    const message = describeConnectionError({ code: "28P01" }, "postgres://me:secret@db.example:6543/ld");
    expect(message).toBe(
      "Cannot connect to PostgreSQL at db.example:6543/ld: authentication failed for that user",
    );
    expect(message).not.toContain("secret");
  });
});

describe("Slack settings", () => {
  it("run HTTP mode with a signing secret and a bot token, on PORT", () => {
    expect(
      loadConfig({
        SLACK_SIGNING_SECRET: "0123456789abcdef",
        SLACK_BOT_TOKEN: "xoxb-1",
        PORT: "8080",
        SLACK_API_URL: "https://slack-gov.com/api",
      }).slack,
    ).toEqual({
      signingSecret: "0123456789abcdef",
      botToken: "xoxb-1",
      port: 8080,
      host: "0.0.0.0",
      maxInFlight: 64,
      apiUrl: "https://slack-gov.com/api/",
    });
    expect(loadConfig({}).slack).toBeUndefined();
  });

  it("listen on HOST, and on any free port with PORT=0", () => {
    const slack = loadConfig({
      SLACK_SIGNING_SECRET: "0123456789abcdef",
      SLACK_BOT_TOKEN: "xoxb-1",
      PORT: "0",
      HOST: "127.0.0.1",
    }).slack;
    expect(slack).toMatchObject({ port: 0, host: "127.0.0.1" });
  });

  it("bound the Slack requests one instance works on at once", () => {
    const base = { SLACK_SIGNING_SECRET: "0123456789abcdef", SLACK_BOT_TOKEN: "xoxb-1" };
    expect(loadConfig({ ...base, MAX_REQUESTS_IN_FLIGHT: "8" }).slack?.maxInFlight).toBe(8);
    expect(() => loadConfig({ ...base, MAX_REQUESTS_IN_FLIGHT: "0" })).toThrow(/MAX_REQUESTS_IN_FLIGHT/);
  });

  it("run Socket Mode with an app token", () => {
    expect(loadConfig({ SLACK_APP_TOKEN: "xapp-1", SLACK_BOT_TOKEN: "xoxb-1" }).slack).toMatchObject({
      appToken: "xapp-1",
    });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "0123456789abcdef" }, "SLACK_BOT_TOKEN is required"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET is required"],
    [
      { SLACK_BOT_TOKEN: "xoxp-user", SLACK_SIGNING_SECRET: "0123456789abcdef" },
      "SLACK_BOT_TOKEN must be a bot token",
    ],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "nope" }, "SLACK_APP_TOKEN must be an app-level token"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef", PORT: "http" }, "PORT"],
    [
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef", SLACK_API_URL: "ftp://x" },
      "SLACK_API_URL",
    ],
  ])("names what is wrong with %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("OAuth settings", () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const oauth = {
    DATABASE_URL: "postgres://u:p@db:5432/ld",
    SLACK_SIGNING_SECRET: "0123456789abcdef",
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "client-secret-0123",
    SLACK_STATE_SECRET: "state-secret-0123456789",
    TOKEN_ENCRYPTION_KEY: `2026-11:${keyB.toString("base64")},2026-01:${keyA.toString("base64")}`,
  };
  const problemsOf = (env: Record<string, string | undefined>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it("run many workspaces over HTTP, tokens sealed with the first key and read with any", () => {
    const config = loadConfig({ ...oauth, PORT: "8080", SLACK_API_URL: "https://slack-gov.com/api" });
    expect(config.slack).toBeUndefined();
    expect(config.slackOAuth).toEqual({
      signingSecret: "0123456789abcdef",
      port: 8080,
      host: "0.0.0.0",
      maxInFlight: 64,
      apiUrl: "https://slack-gov.com/api/",
      oauth: {
        clientId: "111.222",
        clientSecret: "client-secret-0123",
        stateSecret: "state-secret-0123456789",
        tokenKeys: [
          { id: "2026-11", key: keyB },
          { id: "2026-01", key: keyA },
        ],
      },
    });
  });

  it("name each missing one of client id, client secret and state secret", () => {
    expect(problemsOf({ ...oauth, SLACK_CLIENT_SECRET: undefined, SLACK_STATE_SECRET: "" })).toEqual([
      "SLACK_CLIENT_SECRET is required with the other OAuth settings",
      "SLACK_STATE_SECRET is required with the other OAuth settings",
    ]);
    expect(problemsOf({ ...oauth, SLACK_CLIENT_ID: undefined })).toEqual([
      "SLACK_CLIENT_ID is required with the other OAuth settings",
    ]);
  });

  it("need TOKEN_ENCRYPTION_KEY, each key 32 bytes", () => {
    expect(problemsOf({ ...oauth, TOKEN_ENCRYPTION_KEY: undefined })).toEqual([
      "TOKEN_ENCRYPTION_KEY is required in OAuth mode (id:base64 of 32 random bytes)",
    ]);
    expect(
      problemsOf({
        ...oauth,
        TOKEN_ENCRYPTION_KEY: `a:${keyA.toString("base64")},b:${randomBytes(24).toString("base64")}`,
      }),
    ).toEqual(['TOKEN_ENCRYPTION_KEY key 2 ("b") must be 32 bytes in base64 (openssl rand -base64 32)']);
    expect(problemsOf({ ...oauth, TOKEN_ENCRYPTION_KEY: keyA.toString("base64") })).toEqual([
      "TOKEN_ENCRYPTION_KEY key 1 must be id:base64 (an id, a colon, then 32 bytes in base64)",
    ]);
  });

  it("refuse the embedded database, and say to use PostgreSQL", () => {
    const problems = problemsOf({ ...oauth, DATABASE_URL: undefined });
    expect(problems).toEqual([
      "OAuth mode needs PostgreSQL: set DATABASE_URL (the embedded database is one connection in one process)",
    ]);
  });

  it("need a signing secret, and refuse a single bot token or Socket Mode beside them", () => {
    expect(
      problemsOf({
        ...oauth,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_APP_TOKEN: "xapp-1",
      }),
    ).toEqual([
      "SLACK_SIGNING_SECRET is required in OAuth mode",
      "SLACK_BOT_TOKEN is for one workspace: leave it out in OAuth mode, installs bring their tokens",
      "SLACK_APP_TOKEN: OAuth mode runs over HTTP, not Socket Mode",
    ]);
  });
});

describe("INSTANCE_COUNT", () => {
  it("is 1 unless set, and may be more on PostgreSQL", () => {
    expect(loadConfig({}).instanceCount).toBe(1);
    expect(loadConfig({ DATABASE_URL: "postgres://u@db/ld", INSTANCE_COUNT: "3" }).instanceCount).toBe(3);
  });

  it("above 1 is refused on the embedded database, saying to use PostgreSQL", () => {
    expect(() => loadConfig({ INSTANCE_COUNT: "2" })).toThrow(
      "INSTANCE_COUNT is 2, but the embedded database serves one instance: use PostgreSQL (set DATABASE_URL)",
    );
    expect(() => loadConfig({ INSTANCE_COUNT: "0" })).toThrow(/INSTANCE_COUNT/);
  });
});

describe("SHUTDOWN_TIMEOUT_SECONDS", () => {
  it("is 25 seconds unless set; fractions are allowed, words are not", () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(25_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: "2.5" }).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: "soon" })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
  });
});

describe("SHUTDOWN_DRAIN_SECONDS", () => {
  it("is no drain unless set, and at most five minutes", () => {
    expect(loadConfig({}).shutdownDrainMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DRAIN_SECONDS: "10" }).shutdownDrainMs).toBe(10_000);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_SECONDS: "301" })).toThrow(/SHUTDOWN_DRAIN_SECONDS/);
  });
});

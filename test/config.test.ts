import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { describeConnectionError, openDatabase } from "../src/db/client.ts";

describe("loadConfig", () => {
  it("uses the embedded database under ./.data when no DATABASE_URL is set", () => {
    expect(loadConfig({})).toEqual({
      database: { kind: "pglite", dataDir: "./.data" },
      workspaceId: "T_LOCAL",
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

import { ErrorCode, type Logger, LogLevel, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../../src/local-slack/fake-slack-api.ts";

const quiet: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

const modal = (title = "Assign a license") => ({
  type: "modal" as const,
  title: { type: "plain_text" as const, text: title },
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "Hello" } }],
});

const platformError = (error: string) => ({ code: ErrorCode.PlatformError, data: { ok: false, error } });

let clock: number;
let fake: FakeSlackApi;
let slack: WebClient;

const client = (token?: string) =>
  new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quiet,
  });

beforeEach(async () => {
  clock = Date.parse("2026-03-02T10:00:00Z");
  fake = await startFakeSlackApi({
    now: () => clock,
    users: [
      { id: "UANNA", name: "anna", real_name: "Anna Svensson", email: "anna@example.com", is_admin: true },
      { id: "UBO", name: "bo", email: "bo@example.com", tz: "America/New_York" },
      { id: "UCARL", name: "carl", deleted: true },
    ],
  });
  slack = client(fake.token);
});

afterEach(async () => {
  await fake.close();
});

describe("tokens", () => {
  it("answers auth.test for the bot token", async () => {
    await expect(slack.auth.test()).resolves.toMatchObject({
      ok: true,
      team_id: fake.teamId,
      user_id: fake.botUserId,
    });
  });

  it("refuses a call without a token as not_authed, and a wrong one as invalid_auth", async () => {
    await expect(client().auth.test()).rejects.toMatchObject(platformError("not_authed"));
    await expect(client("xoxb-wrong").users.info({ user: "UANNA" })).rejects.toMatchObject(
      platformError("invalid_auth"),
    );
    expect(fake.calls.map((c) => [c.method, c.error])).toEqual([
      ["auth.test", "not_authed"],
      ["users.info", "invalid_auth"],
    ]);
  });
});

describe("trigger_id", () => {
  it("opens a modal once per trigger_id", async () => {
    const trigger_id = fake.issueTriggerId();
    const opened = await slack.views.open({ trigger_id, view: modal() });
    expect(opened.view).toMatchObject({ type: "modal", title: { text: "Assign a license" } });
    expect(opened.view?.id).toMatch(/^V/);
    await expect(slack.views.open({ trigger_id, view: modal() })).rejects.toMatchObject(
      platformError("exchanged_trigger_id"),
    );
    expect(fake.callsTo("views.open")[0]?.args.view).toEqual(modal());
  });

  it("refuses a trigger_id it never issued", async () => {
    await expect(slack.views.open({ trigger_id: "1.2.abc", view: modal() })).rejects.toMatchObject(
      platformError("invalid_trigger_id"),
    );
  });

  it("lets a trigger_id expire after 3 seconds", async () => {
    const fresh = fake.issueTriggerId();
    const stale = fake.issueTriggerId();
    clock += 3_000;
    await expect(slack.views.push({ trigger_id: fresh, view: modal() })).resolves.toMatchObject({ ok: true });
    clock += 1;
    await expect(slack.views.open({ trigger_id: stale, view: modal() })).rejects.toMatchObject(
      platformError("expired_trigger_id"),
    );
  });

  it("does not spend the trigger_id on a view Slack rejects", async () => {
    const trigger_id = fake.issueTriggerId();
    const tooLong = slack.views.open({ trigger_id, view: modal("A title well over the limit") });
    await expect(tooLong).rejects.toMatchObject({
      data: {
        error: "invalid_arguments",
        response_metadata: {
          messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
        },
      },
    });
    await expect(slack.views.open({ trigger_id, view: modal() })).resolves.toMatchObject({ ok: true });
  });
});

describe("views", () => {
  it("updates a view by id and refuses a stale hash", async () => {
    const { view } = await slack.views.open({ trigger_id: fake.issueTriggerId(), view: modal() });
    const id = view?.id ?? "";
    const updated = await slack.views.update({ view_id: id, hash: view?.hash, view: modal("Done") });
    expect(updated.view).toMatchObject({ id, title: { text: "Done" } });
    await expect(slack.views.update({ view_id: id, hash: view?.hash, view: modal() })).rejects.toMatchObject(
      platformError("hash_conflict"),
    );
    await expect(slack.views.update({ view_id: "VNOPE", view: modal() })).rejects.toMatchObject(
      platformError("not_found"),
    );
  });

  it("publishes a Home tab for a known user only", async () => {
    const home = { type: "home" as const, blocks: [] };
    await expect(slack.views.publish({ user_id: "UANNA", view: home })).resolves.toMatchObject({ ok: true });
    await expect(slack.views.publish({ user_id: "UNOBODY", view: home })).rejects.toMatchObject(
      platformError("invalid_arguments"),
    );
  });
});

describe("users", () => {
  it("looks users up by id and by email", async () => {
    const { user } = await slack.users.info({ user: "UBO" });
    expect(user).toMatchObject({ id: "UBO", tz: "America/New_York", profile: { email: "bo@example.com" } });
    expect(user?.tz_offset).toBeLessThan(0);
    await expect(slack.users.lookupByEmail({ email: "ANNA@example.com" })).resolves.toMatchObject({
      user: { id: "UANNA", is_admin: true },
    });
    await expect(slack.users.info({ user: "UNOBODY" })).rejects.toMatchObject(
      platformError("user_not_found"),
    );
    await expect(slack.users.lookupByEmail({ email: "nobody@example.com" })).rejects.toMatchObject(
      platformError("users_not_found"),
    );
  });

  it("pages users.list with cursor and limit, deactivated users included", async () => {
    fake.users.addMany([{ name: "dan" }, { name: "eva" }]);
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await slack.users.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push((page.members ?? []).map((m) => m.name ?? ""));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(pages).toEqual([["anna", "bo"], ["carl", "dan"], ["eva"]]);
    const all = await slack.users.list({});
    expect(all.members).toHaveLength(5);
    expect(all.response_metadata?.next_cursor).toBe("");
    await expect(slack.users.list({ cursor: "bm9wZQ==" })).rejects.toMatchObject(
      platformError("invalid_cursor"),
    );
  });
});

describe("messages", () => {
  it("posts to a user's DM, updates the message, and refuses too many blocks", async () => {
    const { channel } = await slack.conversations.open({ users: "UANNA" });
    const posted = await slack.chat.postMessage({ channel: channel?.id ?? "", text: "Hi", metadata: outbox });
    expect(posted).toMatchObject({ channel: "DANNA", message: { text: "Hi", metadata: outbox } });
    await slack.chat.update({ channel: "DANNA", ts: posted.ts ?? "", text: "Hi again" });
    expect(fake.messages).toMatchObject([{ channel: "DANNA", text: "Hi again" }]);
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" as const }));
    await expect(slack.chat.postMessage({ channel: "UANNA", text: "x", blocks })).rejects.toMatchObject({
      data: {
        error: "invalid_blocks",
        response_metadata: { messages: ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"] },
      },
    });
  });

  it("refuses unknown and deactivated users", async () => {
    await expect(slack.conversations.open({ users: "UNOBODY" })).rejects.toMatchObject(
      platformError("user_not_found"),
    );
    await expect(slack.conversations.open({ users: "UCARL" })).rejects.toMatchObject(
      platformError("user_disabled"),
    );
    await expect(
      slack.chat.postEphemeral({ channel: "C0GENERAL", user: "UNOBODY", text: "x" }),
    ).rejects.toMatchObject(platformError("user_not_found"));
  });
});

const outbox = { event_type: "license_notice", event_payload: { outbox_id: "42" } };

describe("failNext", () => {
  it("answers 429 with Retry-After once, then serves the call", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 7 });
    await expect(slack.chat.postMessage({ channel: "C0GENERAL", text: "x" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(slack.chat.postMessage({ channel: "C0GENERAL", text: "x" })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo("chat.postMessage").map((c) => c.error)).toEqual(["ratelimited", undefined]);
  });

  it("fails the next call with any Slack error", async () => {
    fake.failNext("users.info", "fatal_error");
    await expect(slack.users.info({ user: "UANNA" })).rejects.toMatchObject(platformError("fatal_error"));
    await expect(slack.users.info({ user: "UANNA" })).resolves.toMatchObject({ ok: true });
  });
});

describe("response_url", () => {
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("takes five posts, then answers 404", async () => {
    const url = fake.responseUrl();
    for (let i = 1; i <= 5; i++) expect((await post(url, { text: `#${i}` })).status).toBe(200);
    expect((await post(url, { text: "#6" })).status).toBe(404);
    expect(fake.responses(url)).toEqual([1, 2, 3, 4, 5].map((i) => ({ text: `#${i}` })));
  });

  it("expires 30 minutes after it was issued", async () => {
    const url = fake.responseUrl();
    clock += 30 * 60_000;
    expect((await post(url, { text: "just in time" })).status).toBe(200);
    clock += 1;
    expect((await post(url, { text: "too late" })).status).toBe(404);
  });

  it("refuses blocks over the message limits", async () => {
    const url = fake.responseUrl();
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }];
    expect((await post(url, { blocks })).status).toBe(400);
    expect(fake.responses(url)).toEqual([]);
  });
});

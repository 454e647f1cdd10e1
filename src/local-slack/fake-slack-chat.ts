import { blockKitViolations } from "./block-kit-limits.ts";
import { type ApiArgs, type ApiResult, decodeJsonArg, fail, ok, stringArg } from "./fake-slack-http.ts";
import type { FakeUserRegistry } from "./fake-slack-users.ts";
import type { WorkspaceIds } from "./fake-slack-views.ts";
import { slackTimestamps } from "./slack-ids.ts";

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  /** Set for chat.postEphemeral: the only user who sees it. */
  ephemeralTo?: string;
}

/** The DM channel the fake uses for a user: `U123` ↔ `D123`. */
export function dmChannelFor(userId: string): string {
  return `D${userId.slice(1)}`;
}

/**
 * chat.postMessage, chat.postEphemeral, chat.update and conversations.open. Channels are not
 * modelled: any C…/G…/D… id is accepted, and a user id (U…/W…) posts to that user's DM, as Slack does.
 */
export function chatMethods(
  ids: WorkspaceIds & { botUserId: string },
  users: FakeUserRegistry,
  messages: PostedMessage[],
  now: () => number,
): Record<string, (args: ApiArgs) => ApiResult> {
  const nextTs = slackTimestamps(now);

  const resolveChannel = (channel: string | undefined): string | undefined => {
    if (channel === undefined) return undefined;
    if (/^[UW]/.test(channel)) return users.get(channel) ? dmChannelFor(channel) : undefined;
    return /^[CGD][A-Z0-9]+$/.test(channel) ? channel : undefined;
  };

  const content = (
    args: ApiArgs,
  ): { value: Omit<PostedMessage, "channel" | "ts"> } | { error: ApiResult } => {
    const decoded = decodeJsonArg(args.blocks);
    if (!decoded.ok) return { error: fail("invalid_blocks_format") };
    const blocks = decoded.value;
    if (blocks !== undefined && !Array.isArray(blocks)) return { error: fail("invalid_blocks_format") };
    const violations = blockKitViolations("message", { blocks });
    if (violations.length > 0) {
      const explained = violations.map((v) => `${v.message} [json-pointer:${v.pointer}]`);
      return {
        error: {
          ...fail(
            "invalid_blocks",
            explained.map((e) => `[ERROR] ${e}`),
          ),
          errors: explained,
        },
      };
    }
    const text = stringArg(args, "text") ?? "";
    if (text === "" && (blocks === undefined || blocks.length === 0) && args.attachments === undefined) {
      return { error: fail("no_text") };
    }
    const metadata = decodeJsonArg(args.metadata);
    return {
      value: {
        text,
        ...(blocks === undefined ? {} : { blocks }),
        ...(metadata.ok && metadata.value !== undefined ? { metadata: metadata.value } : {}),
        ...(stringArg(args, "thread_ts") === undefined ? {} : { thread_ts: stringArg(args, "thread_ts") }),
      },
    };
  };

  const asSlackMessage = (m: PostedMessage) => ({
    type: "message",
    user: ids.botUserId,
    bot_id: ids.botId,
    app_id: ids.appId,
    team: ids.teamId,
    ts: m.ts,
    text: m.text,
    ...(m.blocks === undefined ? {} : { blocks: m.blocks }),
    ...(m.metadata === undefined ? {} : { metadata: m.metadata }),
    ...(m.thread_ts === undefined ? {} : { thread_ts: m.thread_ts }),
  });

  return {
    "chat.postMessage": (args) => {
      const channel = resolveChannel(stringArg(args, "channel"));
      if (channel === undefined) return fail("channel_not_found");
      const body = content(args);
      if ("error" in body) return body.error;
      const message: PostedMessage = { channel, ts: nextTs(), ...body.value };
      messages.push(message);
      return ok({ channel, ts: message.ts, message: asSlackMessage(message) });
    },
    "chat.postEphemeral": (args) => {
      const channel = resolveChannel(stringArg(args, "channel"));
      if (channel === undefined) return fail("channel_not_found");
      const userId = stringArg(args, "user");
      if (userId === undefined || !users.get(userId)) return fail("user_not_found");
      const body = content(args);
      if ("error" in body) return body.error;
      const message: PostedMessage = { channel, ts: nextTs(), ephemeralTo: userId, ...body.value };
      messages.push(message);
      return ok({ message_ts: message.ts });
    },
    "chat.update": (args) => {
      const channel = resolveChannel(stringArg(args, "channel"));
      const ts = stringArg(args, "ts");
      const index = messages.findIndex((m) => m.channel === channel && m.ts === ts && !m.ephemeralTo);
      const current = messages[index];
      if (current === undefined)
        return fail(channel === undefined ? "channel_not_found" : "message_not_found");
      const body = content(args);
      if ("error" in body) return body.error;
      const updated: PostedMessage = { channel: current.channel, ts: current.ts, ...body.value };
      messages[index] = updated;
      return ok({
        channel: updated.channel,
        ts: updated.ts,
        text: updated.text,
        message: asSlackMessage(updated),
      });
    },
    "conversations.open": (args) => {
      const listed = stringArg(args, "users");
      const channel = stringArg(args, "channel");
      if (listed === undefined) {
        return channel !== undefined && resolveChannel(channel)?.startsWith("D")
          ? ok({ channel: { id: channel } })
          : fail(channel === undefined ? "users_list_not_supplied" : "channel_not_found");
      }
      const found = listed.split(",").map((u) => users.get(u.trim()));
      if (found.length > 8) return fail("too_many_users");
      if (found.some((u) => u === undefined)) return fail("user_not_found");
      if (found.some((u) => u?.deleted)) return fail("user_disabled");
      const memberIds = found.map((u) => u?.id ?? "").sort();
      // A group DM gets a stable id made from its members; only 1:1 DMs map back to a user.
      const id =
        memberIds.length === 1
          ? dmChannelFor(memberIds[0] ?? "")
          : `G${memberIds.map((u) => u.slice(1)).join("")}`;
      return ok({ channel: { id } });
    },
  };
}

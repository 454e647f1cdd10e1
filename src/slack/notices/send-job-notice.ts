import { ErrorCode, WebClient } from "@slack/web-api";
import type { Database } from "../../db/client.ts";
import {
  type OutgoingMessage,
  PermanentFailure,
  RateLimited,
  type SendMessage,
} from "../../jobs/outbox-relay.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { buildJobNoticeMessage } from "./job-notice-message.ts";
import { noticeReaderLanguage } from "./notice-reader.ts";

/** Answers that no retry changes: the message is marked failed at once. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "invalid_blocks",
  "msg_too_long",
]);

/**
 * A client for the outbox relay: a 429 comes back at once as an error, not after the SDK's own
 * waits (which pause every call of the client), and the relay does its own bounded retries.
 */
export function relayClient(token: string, apiUrl: string | undefined): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

/**
 * Posts a queued notice. The outbox id travels in the message metadata, so that a message in Slack
 * can be told apart and matched to its outbox row (chat.postMessage has no idempotency key).
 * `afterSent` does what a sent notice entails in Slack, e.g. taking the buttons off an expired
 * request's messages; its failure is its own, never the send's. The notice is worded when it is
 * sent, in the language its reader reads then: a person's own, or a channel's workspace default.
 */
export function sendJobNotice(
  db: Database,
  client: WebClient,
  afterSent?: (message: OutgoingMessage) => Promise<void>,
): SendMessage {
  return async (message) => {
    const { outboxId, channel, notice } = message;
    const language = await noticeReaderLanguage(db, message.workspaceId, channel);
    const built = buildJobNoticeMessage(catalogFor(language), notice);
    try {
      const answer = await client.chat.postMessage({
        channel,
        text: built.text,
        ...(built.blocks.length > 0 ? { blocks: built.blocks } : {}),
        metadata: { event_type: "license_desk_notice", event_payload: { outbox_id: outboxId } },
      });
      await afterSent?.(message).catch(() => {});
      return { ts: answer.ts ?? "", ...(answer.channel ? { channel: answer.channel } : {}) };
    } catch (error) {
      const failure = error as { code?: string; retryAfter?: number; data?: { error?: string } };
      if (failure.code === ErrorCode.RateLimitedError) throw new RateLimited(failure.retryAfter ?? 60);
      const code = failure.data?.error;
      if (code && PERMANENT.has(code)) throw new PermanentFailure(code);
      throw error;
    }
  };
}

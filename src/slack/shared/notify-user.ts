import type { WebClient } from "@slack/web-api";
import type { Reply } from "../license-command/command-context.ts";
import type { AppLogger } from "./logger.ts";
import { postToResponseUrl, ResponseUrlError } from "./post-to-response-url.ts";

/**
 * Tells the person who acted how it went: in the channel they typed the command in, through its
 * response_url (valid 30 minutes, 5 uses), else as a direct message from the app.
 */
export async function notifyUser(
  client: WebClient,
  logger: AppLogger,
  target: { userId: string; responseUrl?: string },
  reply: Reply,
): Promise<void> {
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, {
        response_type: "ephemeral",
        replace_original: false,
        ...reply,
      });
      return;
    } catch (error) {
      if (error instanceof ResponseUrlError) {
        logger.warn("response_url refused the reply; sending a direct message", { status: error.status });
      } else {
        logger.warn("response_url unreachable; sending a direct message", { error: String(error) });
      }
    }
  }
  await client.chat.postMessage({ channel: target.userId, ...reply });
}

import type { WebClient } from "@slack/web-api";
import type { Reply } from "./commands/command-context.ts";
import type { AppLogger } from "./logger.ts";

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
      const response = await fetch(target.responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...reply }),
      });
      if (response.ok) return;
      logger.warn("response_url refused the reply; sending a direct message", { status: response.status });
    } catch (error) {
      logger.warn("response_url unreachable; sending a direct message", { error: String(error) });
    }
  }
  await client.chat.postMessage({ channel: target.userId, ...reply });
}

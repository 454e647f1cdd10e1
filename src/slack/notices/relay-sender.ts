import type { Config } from "../../config.ts";
import type { SendMessage } from "../../jobs/outbox-relay.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { afterNoticeSent } from "./after-notice-sent.ts";
import { relayClient, sendJobNotice } from "./send-job-notice.ts";

/**
 * How the outbox reaches Slack under these settings: one workspace's bot token, or in OAuth mode
 * each workspace's own token from the installation store (loaded only then). Undefined without
 * Slack settings: the messages then wait in the outbox.
 */
export async function relaySender(
  config: Pick<Config, "slack" | "slackOAuth">,
  deps: SlackDeps,
): Promise<SendMessage | undefined> {
  if (config.slackOAuth) {
    const [{ botTokenFor }, { oauthInstallationStore }, { installationSender }] = await Promise.all([
      import("../install/bot-token-for.ts"),
      import("../install/oauth-receiver-options.ts"),
      import("./installation-sender.ts"),
    ]);
    const store = oauthInstallationStore(config.slackOAuth, deps);
    return installationSender({
      tokenFor: botTokenFor(store),
      apiUrl: config.slackOAuth.apiUrl,
      clock: deps.clock,
      db: deps.db,
      afterSent: (client) => afterNoticeSent(deps, client),
    });
  }
  if (config.slack) return tokenSender(deps, config.slack.botToken, config.slack.apiUrl);
  return undefined;
}

/** The outbox's way to Slack with one bot token: a client of its own, and what a sent notice entails. */
export function tokenSender(deps: SlackDeps, token: string, apiUrl: string | undefined): SendMessage {
  const client = relayClient(token, apiUrl);
  return sendJobNotice(deps.db, client, afterNoticeSent(deps, client));
}

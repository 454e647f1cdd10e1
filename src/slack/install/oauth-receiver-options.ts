import type { HTTPReceiverOptions } from "@slack/bolt";
import type { InstallationStore } from "@slack/oauth";
import type { SlackOAuthConfig } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../licensing/clock.ts";
import { createTokenCipher } from "../../secrets/token-cipher.ts";
import type { AppLogger } from "../shared/logger.ts";
import { createPostgresInstallationStore } from "./postgres-installation-store.ts";
import { BOT_SCOPES } from "./scopes.ts";
import { slackTokenRefresher } from "./token-refresh.ts";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/**
 * What turns Bolt's HTTP receiver into an OAuth one: GET /slack/install sends the installer
 * straight to Slack's authorize page (a signed state in a cookie against CSRF), and
 * GET /slack/oauth_redirect trades the code for tokens and keeps them, sealed, in the database.
 * Each request's token then comes from that store, found by the team or org it came from.
 */
export function oauthReceiverOptions(
  config: SlackOAuthConfig,
  deps: { db: Database; clock: Clock; logger: AppLogger },
): Pick<
  HTTPReceiverOptions,
  "clientId" | "clientSecret" | "stateSecret" | "scopes" | "installationStore" | "installerOptions"
> {
  const { clientId, clientSecret, stateSecret } = config.oauth;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  return {
    clientId,
    clientSecret,
    stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: oauthInstallationStore(config, deps),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      stateVerification: true,
      clientOptions,
    },
  };
}

/**
 * The installation store for these settings. It keeps no state of its own (locks and tokens are in
 * the database), so code outside Bolt (jobs, the outbox) can build its own and share the rows.
 */
export function oauthInstallationStore(
  config: Pick<SlackOAuthConfig, "oauth" | "apiUrl">,
  deps: { db: Database; clock: Clock; logger: AppLogger },
): InstallationStore {
  const { clientId, clientSecret, tokenKeys } = config.oauth;
  return createPostgresInstallationStore({
    db: deps.db,
    cipher: createTokenCipher(tokenKeys),
    clock: deps.clock,
    logger: deps.logger,
    refresh: slackTokenRefresher({ clientId, clientSecret, apiUrl: config.apiUrl }),
  });
}

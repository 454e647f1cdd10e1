import { WebClient } from "@slack/web-api";

export interface RefreshedToken {
  accessToken: string;
  refreshToken: string;
  /** Seconds from now. */
  expiresIn: number;
}

/** Trades a refresh token (single use) for a new access token and a new refresh token. */
export type RefreshToken = (refreshToken: string) => Promise<RefreshedToken>;

/** `oauth.v2.access` with `grant_type=refresh_token`, as Slack's token rotation defines it. */
export function slackTokenRefresher(options: {
  clientId: string;
  clientSecret: string;
  apiUrl?: string;
}): RefreshToken {
  // No retries: a retried refresh could spend the new refresh token's predecessor twice, and the
  // caller holds a row lock meanwhile. The next request tries again.
  const client = new WebClient(undefined, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  return async (refreshToken) => {
    const answer = await client.oauth.v2.access({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    if (!answer.access_token || !answer.refresh_token || answer.expires_in === undefined) {
      throw new Error("oauth.v2.access answered a refresh without access_token, refresh_token or expires_in");
    }
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresIn: answer.expires_in,
    };
  };
}

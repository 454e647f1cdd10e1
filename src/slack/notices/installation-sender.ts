import type { WebClient } from "@slack/web-api";
import type { Database } from "../../db/client.ts";
import { type OutgoingMessage, PermanentFailure, type SendMessage } from "../../jobs/outbox-relay.ts";
import type { Clock } from "../../licensing/clock.ts";
import { InstallationNotFoundError } from "../install/postgres-installation-store.ts";
import { relayClient, sendJobNotice } from "./send-job-notice.ts";

/** Long enough to spare the store a read per message, short enough to follow a refresh or an uninstall. */
export const TOKEN_CACHE_MS = 60_000;

/** Slack's answers that mean the token itself is no good any more: it is looked up again next time. */
const TOKEN_GONE = new Set(["invalid_auth", "token_revoked", "token_expired", "account_inactive"]);

export interface InstallationSenderOptions {
  /** The workspace's bot token, from the installation store (`botTokenFor`). */
  tokenFor: (workspace: { teamId: string; enterpriseId?: string }) => Promise<string>;
  apiUrl?: string | undefined;
  clock: Clock;
  /** Where each recipient's language is read, at sending time. */
  db: Database;
  /** What a sent notice entails in Slack, with the workspace's own client. */
  afterSent?: (client: WebClient) => (message: OutgoingMessage) => Promise<void>;
  cacheMs?: number;
}

/**
 * The outbox relay's sender in OAuth mode: each message goes out with its own workspace's bot
 * token, looked up through the installation store (which refreshes a rotating token first) and
 * kept for a minute per workspace. A workspace with no installation cannot be reached by any
 * retry: its messages fail at once, saying why.
 */
export function installationSender(options: InstallationSenderOptions): SendMessage {
  const cacheMs = options.cacheMs ?? TOKEN_CACHE_MS;
  const cache = new Map<string, { send: SendMessage; until: number }>();

  const senderFor = async (workspaceId: string): Promise<SendMessage> => {
    const now = options.clock.now().getTime();
    const cached = cache.get(workspaceId);
    if (cached && cached.until > now) return cached.send;
    let token: string;
    try {
      // An org-wide install (Enterprise Grid) is the workspace whose id is the org's.
      token = await options.tokenFor({
        teamId: workspaceId,
        ...(workspaceId.startsWith("E") ? { enterpriseId: workspaceId } : {}),
      });
    } catch (error) {
      cache.delete(workspaceId);
      if (error instanceof InstallationNotFoundError) {
        throw new PermanentFailure(`no Slack installation for workspace ${workspaceId}: ${error.message}`);
      }
      throw error;
    }
    const client = relayClient(token, options.apiUrl);
    const send = sendJobNotice(options.db, client, options.afterSent?.(client));
    cache.set(workspaceId, { send, until: now + cacheMs });
    return send;
  };

  return async (message) => {
    const send = await senderFor(message.workspaceId);
    try {
      return await send(message);
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code && TOKEN_GONE.has(code)) cache.delete(message.workspaceId);
      throw error;
    }
  };
}

import type { InstallationStore } from "@slack/oauth";
import { LogLevel, WebClient } from "@slack/web-api";
import { withinWorkspace } from "../../db/workspace-scope.ts";
import type { DirectorySource } from "../../jobs/run-due-directory-syncs.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import { botTokenFor } from "../install/bot-token-for.ts";
import { deliverAdminNotifications } from "../notices/deliver-admin-notifications.ts";
import { workspaceOfToken } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import type { RateLimitPolicy } from "./directory-sync-options.ts";
import { listInstalledWorkspaces } from "./installed-workspaces.ts";
import { defaultRateLimitPolicy, syncDirectory } from "./sync-directory.ts";

/**
 * Where the sync gets its tokens: one bot token from the environment (its workspace is the one
 * auth.test names), or the installation store, one install per workspace (OAuth mode).
 */
export type DirectorySyncConnection =
  | { botToken: string; apiUrl?: string | undefined }
  | { installations: InstallationStore; apiUrl?: string | undefined };

/**
 * The directory as Slack's users.list tells it, for the jobs' daily sync: which workspaces this
 * app can read (the bot token's one, or every install's), and one workspace's sync with its own
 * bot token, read afresh on every run so that a rotated token is used. After a sync the admins are
 * told what it did (who left, who could not get the defaults).
 */
export function slackDirectorySource(
  deps: SlackDeps,
  connection: DirectorySyncConnection,
  rateLimit: RateLimitPolicy = defaultRateLimitPolicy,
): DirectorySource {
  const clientFor = (token: string) =>
    new WebClient(token, {
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 2 },
      logLevel: LogLevel.ERROR,
      ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    });
  const record = (workspace: { id: string; name: string }) =>
    withinWorkspace(workspace.id, () => ensureWorkspace(deps.db, workspace));

  let workspaces: () => Promise<string[]>;
  let clientOf: (workspaceId: string) => Promise<WebClient>;
  if ("botToken" in connection) {
    const client = clientFor(connection.botToken);
    let own: { id: string; name: string } | undefined;
    workspaces = async () => {
      own ??= await identify(client);
      await record(own);
      return [own.id];
    };
    clientOf = async (workspaceId) => {
      if (workspaceId !== own?.id) throw new Error(`the bot token does not belong to ${workspaceId}`);
      return client;
    };
  } else {
    const tokenFor = botTokenFor(connection.installations);
    const enterprises = new Map<string, string | undefined>();
    workspaces = async () => {
      const installed = await listInstalledWorkspaces(deps.db);
      for (const { id, name, enterpriseId } of installed) {
        enterprises.set(id, enterpriseId);
        await record({ id, name });
      }
      return installed.map(({ id }) => id);
    };
    clientOf = async (teamId) => {
      const enterpriseId = enterprises.get(teamId);
      return clientFor(await tokenFor({ teamId, ...(enterpriseId ? { enterpriseId } : {}) }));
    };
  }

  return {
    workspaces,
    sync: async (workspaceId, signal) => {
      const client = await clientOf(workspaceId);
      const policy = abortable(rateLimit, signal);
      const counts = await syncDirectory(deps, client, { workspaceId }, policy, signal);
      deps.logger.info("directory synced", { workspaceId, ...counts });
      await deliverAdminNotifications(deps, client, { workspaceId });
    },
  };
}

async function identify(client: WebClient): Promise<{ id: string; name: string }> {
  const auth = await client.auth.test();
  const id = workspaceOfToken(auth);
  if (!id) throw new Error("auth.test named no workspace");
  return { id, name: auth.team ?? id };
}

/** A wait that ends at once when the app stops, so closing never waits out a Retry-After. */
function abortable(policy: RateLimitPolicy, signal: AbortSignal): RateLimitPolicy {
  return {
    ...policy,
    sleep: (ms) =>
      signal.aborted
        ? Promise.resolve()
        : Promise.race([
            policy.sleep(ms),
            new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true })),
          ]),
  };
}

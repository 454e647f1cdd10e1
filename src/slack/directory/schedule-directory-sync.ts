import type { InstallationStore } from "@slack/oauth";
import { LogLevel, WebClient } from "@slack/web-api";
import { eq } from "drizzle-orm";
import { workspaces } from "../../db/schema/index.ts";
import { withinWorkspace } from "../../db/workspace-scope.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import { botTokenFor } from "../install/bot-token-for.ts";
import { deliverAdminNotifications } from "../notices/deliver-admin-notifications.ts";
import { claimDelivery, releaseDelivery } from "../shared/claim-delivery.ts";
import { describeError } from "../shared/logger.ts";
import { workspaceOfToken } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import type { DirectorySyncOptions, RateLimitPolicy } from "./directory-sync-options.ts";
import { listInstalledWorkspaces } from "./installed-workspaces.ts";
import { defaultRateLimitPolicy, syncDirectory } from "./sync-directory.ts";

const HOUR_MS = 3_600_000;

export interface DirectorySyncSchedule {
  /** Stops the timer and waits for a sync in progress to end, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Where the sync gets its tokens: one bot token from the environment (its workspace is the one
 * auth.test names), or the installation store, one install per workspace (OAuth mode).
 */
export type DirectorySyncConnection =
  | { botToken: string; apiUrl?: string | undefined }
  | { installations: InstallationStore; apiUrl?: string | undefined };

interface SyncTarget {
  workspace: { id: string; name: string };
  /** Asked only once the day's sync is claimed: a rotating token is read (and refreshed) per run. */
  client(): Promise<WebClient>;
}

/**
 * Syncs the directory when the app starts and then daily, without holding up the start or keeping
 * the process alive: each workspace once a day, with its own bot token. One workspace's failure is
 * logged and leaves the others to sync.
 */
export function scheduleDirectorySync(
  deps: SlackDeps,
  connection: DirectorySyncConnection,
  options: DirectorySyncOptions = {},
): DirectorySyncSchedule {
  const clientFor = (token: string) =>
    new WebClient(token, {
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 2 },
      logLevel: LogLevel.ERROR,
      ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    });
  const stopping = new AbortController();
  const policy = abortable(options.rateLimit ?? defaultRateLimitPolicy, stopping.signal);
  let running: Promise<void> | undefined;

  let targets: () => Promise<SyncTarget[]>;
  if ("botToken" in connection) {
    const client = clientFor(connection.botToken);
    let workspace: { id: string; name: string } | undefined;
    targets = async () => {
      workspace ??= await identify(client);
      return [{ workspace, client: async () => client }];
    };
  } else {
    const tokenFor = botTokenFor(connection.installations);
    targets = async () =>
      (await listInstalledWorkspaces(deps.db)).map(({ id, name, enterpriseId }) => ({
        workspace: { id, name },
        client: async () =>
          clientFor(await tokenFor({ teamId: id, ...(enterpriseId ? { enterpriseId } : {}) })),
      }));
  }

  const syncWorkspace = ({ workspace, client: connect }: SyncTarget) =>
    withinWorkspace(workspace.id, () => syncOne(workspace, connect));
  const syncOne = async (workspace: SyncTarget["workspace"], connect: SyncTarget["client"]) => {
    const workspaceId = workspace.id;
    await ensureWorkspace(deps.db, { id: workspaceId, name: workspace.name });
    const [row] = await deps.db
      .select({ active: workspaces.active })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (!row?.active) return;
    const now = deps.clock.now();
    const key = `directory-sync:${workspaceId}:${now.toISOString().slice(0, 10)}`;
    if (!(await claimDelivery(deps.db, { workspaceId, key, at: now }))) return;
    let client: WebClient;
    try {
      client = await connect();
      const counts = await syncDirectory(deps, client, { workspaceId }, policy, stopping.signal);
      deps.logger.info("directory synced", { workspaceId, ...counts });
    } catch (error) {
      // Given back, so that the next check (here or on another instance) syncs today after all.
      await releaseDelivery(deps.db, { workspaceId, key });
      throw error;
    }
    await deliverAdminNotifications(deps, client, { workspaceId });
  };

  const runOnce = async () => {
    for (const target of await targets()) {
      if (stopping.signal.aborted) return;
      await syncWorkspace(target).catch((error) => {
        if (!stopping.signal.aborted) {
          deps.logger.error("directory sync failed", {
            ...describeError(error),
            workspaceId: target.workspace.id,
          });
        }
      });
    }
  };

  const check = (): Promise<void> => {
    if (stopping.signal.aborted) return Promise.resolve();
    running ??= runOnce()
      .catch((error) => {
        if (!stopping.signal.aborted) deps.logger.error("directory sync failed", describeError(error));
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(check, options.checkEveryMs ?? HOUR_MS);
  timer.unref();
  void check();
  return {
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      await running;
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

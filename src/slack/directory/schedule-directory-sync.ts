import { LogLevel, WebClient } from "@slack/web-api";
import { eq } from "drizzle-orm";
import { workspaces } from "../../db/schema/index.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import type { SlackDeps } from "../app.ts";
import { claimDelivery, releaseDelivery } from "../deliveries/claim-delivery.ts";
import { describeError } from "../logger.ts";
import { deliverAdminNotifications } from "../notifications/deliver-admin-notifications.ts";
import { defaultRateLimitPolicy, type RateLimitPolicy, syncDirectory } from "./sync-directory.ts";

const HOUR_MS = 3_600_000;

export interface DirectorySyncOptions {
  /**
   * How often to look whether today's sync (a UTC day) has run anywhere; it runs once a day per
   * workspace whichever instance gets there first. Default: hourly.
   */
  checkEveryMs?: number;
  rateLimit?: RateLimitPolicy;
}

export interface DirectorySyncSchedule {
  /** Stops the timer and waits for a sync in progress to end, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Syncs the directory when the app starts and then daily, without holding up the start or keeping
 * the process alive. The workspace is the one the bot token belongs to: the token comes from the
 * environment until an installation store holds one per workspace.
 */
export function scheduleDirectorySync(
  deps: SlackDeps,
  connection: { botToken: string; apiUrl?: string },
  options: DirectorySyncOptions = {},
): DirectorySyncSchedule {
  const client = new WebClient(connection.botToken, {
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2 },
    logLevel: LogLevel.ERROR,
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
  });
  const stopping = new AbortController();
  const policy = abortable(options.rateLimit ?? defaultRateLimitPolicy, stopping.signal);
  let workspace: { id: string; name: string } | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    workspace ??= await identify(client);
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
    try {
      const counts = await syncDirectory(deps, client, { workspaceId }, policy, stopping.signal);
      deps.logger.info("directory synced", { workspaceId, ...counts });
    } catch (error) {
      // Given back, so that the next check (here or on another instance) syncs today after all.
      await releaseDelivery(deps.db, { workspaceId, key });
      throw error;
    }
    await deliverAdminNotifications(deps, client, { workspaceId });
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
  const id = auth.is_enterprise_install ? auth.enterprise_id : auth.team_id;
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

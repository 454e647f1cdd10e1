import cron, { type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import { addDays, type Clock } from "../licensing/clock.ts";
import { purgeUninstalledWorkspaces } from "../licensing/workspaces/purge-uninstalled-workspaces.ts";
import type { AppLogger } from "../slack/shared/logger.ts";
import type { TenantResolver } from "../tenants/tenant-port.ts";
import { relayOutbox, type SendMessage } from "./outbox-relay.ts";
import { postgresRunCoordinator } from "./postgres-run-coordinator.ts";
import { runDueDailyJobs } from "./run-due-daily-jobs.ts";
import { type DirectorySource, runDueDirectorySyncs } from "./run-due-directory-syncs.ts";
import { type ScheduleEntry, schedules } from "./schedule.ts";

export interface JobsDeps {
  db: Database;
  clock: Clock;
  logger: AppLogger;
  send: SendMessage;
  approvalsChannel?: string | undefined;
  /** Days an uninstalled workspace's data is kept before the daily tick purges it. Default 30. */
  uninstalledRetentionDays?: number;
  /** Where the directory sync reads the members from; left out, nothing is synced (tests). */
  directory?: DirectorySource;
  /** The tenant each workspace is connected to; left out, License Desk is every workspace's record. */
  tenants?: TenantResolver;
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** How long finished slot claims are kept, for looking back at what ran. */
const KEEP_CLAIMS_DAYS = 14;
const TICK_LEASE_MS = 60_000;
const DEFAULT_RETENTION_DAYS = 30;

/**
 * Schedules every entry of `schedules`: the daily tick (one instance per slot, node-cron's
 * `distributed` mode with the Postgres coordinator), the directory sync and the outbox relay
 * (every instance; the sync's claims per workspace-day share its work). The entries marked
 * `atStart` run once at start too, so a day missed while every instance was down is caught up at once.
 */
export async function startScheduler(deps: JobsDeps): Promise<RunningScheduler> {
  const coordinator = postgresRunCoordinator(deps.db, deps.clock);
  const running = new Set<Promise<void>>();
  // A stop ends a directory sync at its next page, rather than waiting out a Retry-After.
  const stopping = new AbortController();

  const syncDirectories = async (directory: DirectorySource) => {
    const { failed } = await runDueDirectorySyncs(
      deps.db,
      deps.clock,
      coordinator,
      directory,
      stopping.signal,
    );
    if (stopping.signal.aborted) return;
    for (const { error, ...run } of failed) {
      deps.logger.error("directory sync failed", {
        ...run,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const work = async (entry: ScheduleEntry) => {
    if (entry.job === "directory_sync") {
      if (deps.directory) await syncDirectories(deps.directory);
      return;
    }
    if (entry.job === "daily_tick") {
      const runs = await runDueDailyJobs(deps.db, deps.clock, coordinator, deps.approvalsChannel);
      for (const run of runs) deps.logger.info("daily jobs ran", { ...run });
      // A purge that fails is tried again at the next tick; it must not hold up the outbox.
      await purgeUninstalledWorkspaces(deps.db, deps.clock, {
        retentionDays: deps.uninstalledRetentionDays ?? DEFAULT_RETENTION_DAYS,
      }).then(
        (purged) => {
          if (purged.length > 0) deps.logger.info("uninstalled workspaces purged", { workspaceIds: purged });
        },
        (error: unknown) =>
          deps.logger.error("purging uninstalled workspaces failed", {
            error: error instanceof Error ? error.message : String(error),
          }),
      );
      await coordinator.forgetFinished(addDays(deps.clock.now(), -KEEP_CLAIMS_DAYS));
    }
    const relayed = await relayOutbox(deps.db, deps.clock, deps.send);
    if (relayed.sent + relayed.retrying + relayed.failed > 0)
      deps.logger.info("outbox relayed", { ...relayed });
  };
  // node-cron waits for the returned promise: the lease and noOverlap hold for the whole run.
  const run = (entry: ScheduleEntry): Promise<void> => {
    const done = work(entry).catch((error: unknown) => {
      deps.logger.error("scheduled job failed", {
        job: entry.name,
        error: error instanceof Error ? error.message : String(error),
      });
    });
    running.add(done);
    void done.finally(() => running.delete(done));
    return done;
  };

  const tasks: ScheduledTask[] = schedules.map((entry) =>
    cron.schedule(entry.expression, () => run(entry), {
      name: entry.name,
      timezone: entry.timezone,
      noOverlap: true,
      unref: true,
      ...(entry.distributed
        ? { distributed: true, runCoordinator: coordinator, distributedLease: TICK_LEASE_MS }
        : {}),
    }),
  );
  for (const entry of schedules) if (entry.atStart) void run(entry);

  return {
    stop: async () => {
      stopping.abort();
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}

import cron, { type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import type { Clock } from "../licensing/clock.ts";
import type { AppLogger } from "../slack/logger.ts";
import { activeWorkspaces } from "./active-workspaces.ts";
import { runDailyJobs } from "./daily-jobs.ts";
import { relayOutbox, type SendMessage } from "./outbox-relay.ts";
import { postgresRunCoordinator } from "./postgres-run-coordinator.ts";
import { type ScheduleEntry, schedulesFor } from "./schedule.ts";

export interface JobsDeps {
  db: Database;
  clock: Clock;
  logger: AppLogger;
  send: SendMessage;
  approvalsChannel?: string | undefined;
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** A daily run holds its slot this long; a run that died leaves the slot to be claimed after it. */
const DAILY_LEASE_MS = 15 * 60_000;

/**
 * Schedules the daily jobs and the outbox relay with node-cron. A daily slot runs on one instance
 * (the Postgres coordinator); at start each workspace's jobs run once more, so a day missed while
 * every instance was down is caught up now rather than at the next 09:00 — harmless, because the
 * jobs do only what is due and not yet done.
 */
export async function startScheduler(deps: JobsDeps): Promise<RunningScheduler> {
  const coordinator = postgresRunCoordinator(deps.db, deps.clock);
  const workspaces = await activeWorkspaces(deps.db);
  const entries = schedulesFor(workspaces);
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  const run = async (entry: ScheduleEntry) => {
    try {
      if (entry.job === "daily") {
        const workspaceId = entry.name.slice("daily:".length);
        const done = await runDailyJobs(deps.db, deps.clock.now(), {
          workspaceId,
          approvalsChannel: deps.approvalsChannel,
        });
        deps.logger.info("daily jobs ran", { workspaceId, ...done });
      }
      const relayed = await relayOutbox(deps.db, deps.clock, deps.send);
      if (relayed.sent + relayed.retrying + relayed.failed > 0)
        deps.logger.info("outbox relayed", { ...relayed });
    } catch (error) {
      deps.logger.error("scheduled job failed", {
        job: entry.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const tasks: ScheduledTask[] = entries.map((entry) =>
    cron.schedule(entry.expression, () => track(run(entry)), {
      name: entry.name,
      timezone: entry.timezone,
      noOverlap: true,
      unref: true,
      ...(entry.distributed
        ? { distributed: true, runCoordinator: coordinator, distributedLease: DAILY_LEASE_MS }
        : {}),
    }),
  );

  for (const entry of entries.filter((e) => e.job === "daily")) {
    const key = `${entry.name}:start:${deps.clock.now().toISOString().slice(0, 10)}`;
    track(
      (async () => {
        if (await coordinator.shouldRun(key, DAILY_LEASE_MS)) {
          await run(entry);
          await coordinator.onComplete?.(key);
        }
      })().catch((error: unknown) =>
        deps.logger.error("catch-up run failed", { job: entry.name, error: String(error) }),
      ),
    );
  }

  return {
    stop: async () => {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}

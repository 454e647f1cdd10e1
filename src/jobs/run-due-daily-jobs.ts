import type { Database } from "../db/client.ts";
import type { Clock } from "../licensing/clock.ts";
import { runDailyJobs } from "./daily-jobs.ts";
import type { PostgresRunCoordinator } from "./postgres-run-coordinator.ts";
import { workspaceDays } from "./workspace-days.ts";

/** A day's run holds its claim this long; a run that died leaves the day to be claimed after it. */
export const DAILY_LEASE_MS = 15 * 60_000;

export interface DailyRun {
  workspaceId: string;
  localDate: string;
  done: Record<string, number>;
}

/**
 * Runs the daily jobs of every active workspace whose local time has reached its daily hour today
 * and whose local day has not run yet: one claim per workspace and local date, so each day runs
 * once across instances, and a failed run gives its day back for the next tick.
 */
export async function runDueDailyJobs(
  db: Database,
  clock: Clock,
  coordinator: PostgresRunCoordinator,
  approvalsChannel?: string,
): Promise<DailyRun[]> {
  const now = clock.now();
  const due = await workspaceDays(db, now, { dailyHourReached: true });
  const runs: DailyRun[] = [];
  for (const { workspaceId, localDate } of due) {
    const key = `daily:${workspaceId}:${localDate}`;
    if (!(await coordinator.shouldRun(key, DAILY_LEASE_MS))) continue;
    try {
      const done = await runDailyJobs(db, now, { workspaceId, approvalsChannel });
      await coordinator.onComplete(key);
      runs.push({ workspaceId, localDate, done });
    } catch (error) {
      await coordinator.release(key);
      throw error;
    }
  }
  return runs;
}

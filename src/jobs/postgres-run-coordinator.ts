import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { RunCoordinator } from "node-cron";
import type { Database } from "../db/client.ts";
import { jobRuns } from "../db/schema/index.ts";
import type { Clock } from "../licensing/clock.ts";

/**
 * node-cron's `distributed` coordinator on Postgres: the instance that inserts the row for a task
 * and slot (`<task name>:<slot time>`) runs it; the others, firing for the same slot, find the row
 * and skip. A lease past its end (the instance died) lets the slot be claimed again.
 */
export function postgresRunCoordinator(
  db: Database,
  clock: Clock,
  instance: string = randomUUID(),
): RunCoordinator {
  return {
    async shouldRun(key, ttlMs) {
      const now = clock.now();
      const leaseUntil = new Date(now.getTime() + ttlMs);
      const claimed = await db
        .insert(jobRuns)
        .values({ key, claimedBy: instance, claimedAt: now, leaseUntil })
        .onConflictDoUpdate({
          target: jobRuns.key,
          set: { claimedBy: instance, claimedAt: now, leaseUntil },
          setWhere: sql`${jobRuns.finishedAt} is null and ${jobRuns.leaseUntil} < ${now}`,
        })
        .returning({ key: jobRuns.key });
      return claimed.length > 0;
    },
    async onComplete(key) {
      await db.update(jobRuns).set({ finishedAt: clock.now() }).where(eq(jobRuns.key, key));
    },
  };
}

import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { RunCoordinator } from "node-cron";
import type { Database } from "../db/client.ts";
import { jobRuns } from "../db/schema/index.ts";
import type { Clock } from "../licensing/clock.ts";

export interface PostgresRunCoordinator extends RunCoordinator {
  onComplete(key: string): Promise<void>;
  /** A run that failed gives its slot back, for the next attempt. */
  release(key: string): Promise<void>;
  /** Forgets finished slots older than `before`. */
  forgetFinished(before: Date): Promise<void>;
}

/**
 * node-cron's `distributed` coordinator on Postgres, also used for the daily runs: the instance
 * that inserts the row for a key (`<task>:<slot>`) runs it; the others find the row and skip. A
 * lease past its end with no finish (the instance died) lets the slot be claimed again.
 */
export function postgresRunCoordinator(
  db: Database,
  clock: Clock,
  instance: string = randomUUID(),
): PostgresRunCoordinator {
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
      await db
        .update(jobRuns)
        .set({ finishedAt: clock.now() })
        .where(and(eq(jobRuns.key, key), eq(jobRuns.claimedBy, instance)));
    },
    async release(key) {
      await db
        .delete(jobRuns)
        .where(and(eq(jobRuns.key, key), eq(jobRuns.claimedBy, instance), isNull(jobRuns.finishedAt)));
    },
    async forgetFinished(before) {
      await db.delete(jobRuns).where(lt(jobRuns.finishedAt, before));
    },
  };
}

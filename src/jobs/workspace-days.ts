import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { workspaces } from "../db/schema/index.ts";
import { acrossWorkspaces } from "../db/workspace-scope.ts";

export interface WorkspaceDay {
  workspaceId: string;
  /** The workspace's own date at that instant, in its time zone: the day a claim is for. */
  localDate: string;
}

/**
 * The active workspaces and the date each is at, in its own time zone, at `now`: the one rule
 * by which every per-workspace schedule finds its day. `dailyHourReached` keeps only those whose
 * local time has passed their daily hour (`daily_jobs_at`); `among` keeps only those workspaces.
 * Spans workspaces: it decides which runs are due, each then runs in its own.
 */
export function workspaceDays(
  db: Database,
  now: Date,
  options: { dailyHourReached?: boolean; among?: readonly string[] } = {},
): Promise<WorkspaceDay[]> {
  const localTime = sql`(${now}::timestamptz at time zone ${workspaces.timeZone})`;
  const conditions: SQL[] = [eq(workspaces.active, true)];
  if (options.dailyHourReached) conditions.push(sql`${localTime}::time >= ${workspaces.dailyJobsAt}::time`);
  if (options.among) conditions.push(inArray(workspaces.id, [...options.among]));
  return acrossWorkspaces(() =>
    db
      .select({
        workspaceId: workspaces.id,
        localDate: sql<string>`to_char(${localTime}, 'YYYY-MM-DD')`.mapWith(String),
      })
      .from(workspaces)
      .where(and(...conditions))
      .orderBy(workspaces.id),
  );
}

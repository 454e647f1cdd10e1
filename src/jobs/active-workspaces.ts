import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { workspaces } from "../db/schema/index.ts";
import type { WorkspaceSchedule } from "./schedule.ts";

/** The workspaces the jobs run for: installed ones, with their time zone and local run time. */
export function activeWorkspaces(db: Database): Promise<WorkspaceSchedule[]> {
  return db
    .select({
      workspaceId: workspaces.id,
      timeZone: workspaces.timeZone,
      dailyJobsAt: workspaces.dailyJobsAt,
    })
    .from(workspaces)
    .where(eq(workspaces.active, true))
    .orderBy(workspaces.id);
}

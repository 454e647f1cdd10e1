/**
 * Every schedule, in one table. Daily jobs run per workspace at its local time (`daily_jobs_at`,
 * default 09:00) in its time zone (default UTC); node-cron evaluates the expression in that zone,
 * so a daylight-saving change moves the instant, never the local time, and neither skips nor
 * doubles a day. The relay runs everywhere, often: SKIP LOCKED shares its work.
 */
export interface WorkspaceSchedule {
  workspaceId: string;
  timeZone: string;
  dailyJobsAt: string;
}

export interface ScheduleEntry {
  /** Also the coordination key's prefix: one claim per name and slot across instances. */
  name: string;
  expression: string;
  timezone: string;
  /** One instance per slot (daily work), or every instance (the relay). */
  distributed: boolean;
  job: "daily" | "relay";
}

export const RELAY_EVERY_SECONDS = 15;

export function schedulesFor(workspaces: readonly WorkspaceSchedule[]): ScheduleEntry[] {
  return [
    ...workspaces.map((ws) => {
      const [hour, minute] = ws.dailyJobsAt.split(":").map(Number);
      return {
        name: `daily:${ws.workspaceId}`,
        expression: `${minute} ${hour} * * *`,
        timezone: ws.timeZone,
        distributed: true,
        job: "daily" as const,
      };
    }),
    {
      name: "outbox-relay",
      expression: `*/${RELAY_EVERY_SECONDS} * * * * *`,
      timezone: "UTC",
      distributed: false,
      job: "relay",
    },
  ];
}

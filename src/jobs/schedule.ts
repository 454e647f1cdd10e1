/**
 * Every schedule, in one table. The daily jobs run per workspace at its local time
 * (`workspaces.daily_jobs_at`, default 09:00) in its time zone (`workspaces.time_zone`, default UTC):
 * a tick every few minutes finds the workspaces whose local time has passed that hour today and
 * whose day has not run yet, so a workspace installed or re-timed today, or an instance that was
 * down at 09:00, is caught up at the next tick, and a daylight-saving change moves the instant,
 * never the local day. The relay runs on every instance, often: SKIP LOCKED shares its work.
 */
export interface ScheduleEntry {
  /** Also the coordination key's prefix: one claim per name and slot across instances. */
  name: string;
  expression: string;
  timezone: string;
  /** One instance per slot, through the Postgres coordinator; or every instance. */
  distributed: boolean;
  job: "daily_tick" | "relay";
}

export const DAILY_TICK_MINUTES = 5;
export const RELAY_EVERY_SECONDS = 15;

export const schedules: readonly ScheduleEntry[] = [
  {
    name: "daily-jobs",
    expression: `*/${DAILY_TICK_MINUTES} * * * *`,
    timezone: "UTC",
    distributed: true,
    job: "daily_tick",
  },
  {
    name: "outbox-relay",
    expression: `*/${RELAY_EVERY_SECONDS} * * * * *`,
    timezone: "UTC",
    distributed: false,
    job: "relay",
  },
];

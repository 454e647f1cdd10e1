/**
 * Every schedule, in one table. The daily jobs run per workspace at its local time
 * (`workspaces.daily_jobs_at`, default 09:00) in its time zone (`workspaces.time_zone`, default UTC):
 * a tick every few minutes finds the workspaces whose local time has passed that hour today and
 * whose day has not run yet, so a workspace installed or re-timed today, or an instance that was
 * down at 09:00, is caught up at the next tick, and a daylight-saving change moves the instant,
 * never the local day. The directory sync runs once on each workspace's local day, at the first
 * tick of that day (so at start, or when a workspace is installed): every instance ticks, and the
 * claim per workspace and local date, in the same table as the daily jobs', decides which syncs it.
 * The tenant sync runs once each UTC hour for every workspace connected to a tenant, at the first
 * tick of that hour, claimed per workspace and hour the same way. The relay runs on every
 * instance, often: SKIP LOCKED shares its work.
 */
export interface ScheduleEntry {
  /** Also the coordination key's prefix: one claim per name and slot across instances. */
  name: string;
  expression: string;
  timezone: string;
  /** One instance per slot, through the Postgres coordinator; or every instance. */
  distributed: boolean;
  job: "daily_tick" | "directory_sync" | "tenant_sync" | "relay";
  /** Also run once when the scheduler starts, so what was missed while every instance was down is caught up. */
  atStart: boolean;
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
    atStart: true,
  },
  {
    name: "directory-sync",
    expression: `*/${DAILY_TICK_MINUTES} * * * *`,
    timezone: "UTC",
    distributed: false,
    job: "directory_sync",
    atStart: true,
  },
  {
    name: "tenant-sync",
    expression: `*/${DAILY_TICK_MINUTES} * * * *`,
    timezone: "UTC",
    distributed: false,
    job: "tenant_sync",
    atStart: true,
  },
  {
    name: "outbox-relay",
    expression: `*/${RELAY_EVERY_SECONDS} * * * * *`,
    timezone: "UTC",
    distributed: false,
    job: "relay",
    atStart: false,
  },
];

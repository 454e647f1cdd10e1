import type { Database } from "../db/client.ts";
import { runDailyJobs } from "../jobs/daily-jobs.ts";
import { relayUntilDone } from "../jobs/outbox-relay.ts";
import { addDays, fixedClock } from "../licensing/clock.ts";
import type { FakeSlackApi } from "../local-slack/fake-slack-api.ts";
import { tokenSender } from "../slack/notices/relay-sender.ts";
import type { AppLogger } from "../slack/shared/logger.ts";
import { applyTenantOperations } from "../tenants/operations/apply-tenant-operations.ts";
import type { TenantResolver } from "../tenants/tenant-port.ts";

/**
 * The daily jobs of one workspace as of a time, then (with a tenant) the license changes waiting
 * for it, then the outbox sent to the local Slack as of the same time, the way the scheduler's
 * pass does it against Slack and the tenant.
 */
export function dailyJobsRunner(deps: {
  db: Database;
  logger: AppLogger;
  fake: FakeSlackApi;
  workspaceId: string;
  tenants?: TenantResolver;
}) {
  return async (at: Date): Promise<Record<string, number>> => {
    const done = await runDailyJobs(deps.db, at, { workspaceId: deps.workspaceId });
    const clock = fixedClock(at);
    // Before the outbox: the tenant's answers are told in the same pass.
    const made = deps.tenants
      ? await applyTenantOperations(deps.db, clock, { tenants: deps.tenants, workspaceId: deps.workspaceId })
      : undefined;
    const send = tokenSender({ db: deps.db, clock, logger: deps.logger }, deps.fake.token, deps.fake.url);
    await relayUntilDone(deps.db, clock, send);
    return made ? { ...done, tenant_changes: made.applied + made.refused } : done;
  };
}

/** `jobs`' argument: nothing (now), `--at` and an ISO time, or `--at +30d` (days from now). */
export function jobsTime(argument: string, now: Date): Date | undefined {
  const match = /^(?:--at\s+(\S+))?$/.exec(argument.trim());
  if (!match) return undefined;
  const value = match[1];
  if (value === undefined) return now;
  const days = /^\+(\d+)d$/.exec(value)?.[1];
  const at = days === undefined ? new Date(value) : addDays(now, Number(days));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

import type { Database } from "../db/client.ts";
import { runDailyJobs } from "../jobs/daily-jobs.ts";
import { relayOutbox } from "../jobs/outbox-relay.ts";
import { addDays, fixedClock } from "../licensing/clock.ts";
import type { FakeSlackApi } from "../local-slack/fake-slack-api.ts";
import type { AppLogger } from "../slack/logger.ts";
import { afterNoticeSent } from "../slack/outbox/after-notice-sent.ts";
import { relayClient, sendJobNotice } from "../slack/outbox/send-job-notice.ts";

/**
 * The daily jobs of one workspace as of a time, then the outbox sent to the local Slack as of the
 * same time, the way `npm run jobs -- --once --at` does it against Slack.
 */
export function dailyJobsRunner(deps: {
  db: Database;
  logger: AppLogger;
  fake: FakeSlackApi;
  workspaceId: string;
}) {
  return async (at: Date): Promise<Record<string, number>> => {
    const done = await runDailyJobs(deps.db, at, { workspaceId: deps.workspaceId });
    const clock = fixedClock(at);
    const relay = relayClient(deps.fake.token, deps.fake.url);
    const send = sendJobNotice(relay, afterNoticeSent({ db: deps.db, clock, logger: deps.logger }, relay));
    for (;;) {
      const relayed = await relayOutbox(deps.db, clock, send);
      if (relayed.sent + relayed.failed === 0 || relayed.pausedWorkspaces.length > 0) break;
    }
    return done;
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

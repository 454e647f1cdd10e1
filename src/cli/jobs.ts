import { parseArgs } from "node:util";
import { activeWorkspaces } from "../jobs/active-workspaces.ts";
import { runDailyJobs } from "../jobs/daily-jobs.ts";
import { relayUntilDone } from "../jobs/outbox-relay.ts";
import { fixedClock, systemClock } from "../licensing/clock.ts";
import { purgeUninstalledWorkspaces } from "../licensing/workspaces/purge-uninstalled-workspaces.ts";
import { relaySender } from "../slack/notices/relay-sender.ts";
import { consoleLogger } from "../slack/shared/logger.ts";
import { bootstrap, runMain } from "./bootstrap.ts";

const usage = "Usage: npm run jobs -- --once [--at <ISO time>]";

/**
 * `npm run jobs -- --once [--at 2026-12-01T09:00:00Z]`: every daily job, once, as of that time
 * (default now), for every active workspace; the data of workspaces uninstalled longer ago than
 * UNINSTALLED_RETENTION_DAYS is purged; then the outbox is sent when Slack settings are given (in
 * OAuth mode with each workspace's own token). For operators catching up, and for trying the
 * reminders out.
 */
runMain(async () => {
  const { values } = parseArgs({ options: { once: { type: "boolean" }, at: { type: "string" } } });
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (!values.once || Number.isNaN(at.getTime())) {
    console.error(values.once ? `Not a time: "${values.at}". ${usage}` : usage);
    return 2;
  }
  const { config, handle } = await bootstrap();
  try {
    const clock = values.at === undefined ? systemClock : fixedClock(at);
    const approvalsChannel = (config.slackOAuth ?? config.slack)?.approvalsChannel;
    for (const { workspaceId } of await activeWorkspaces(handle.db)) {
      const done = await runDailyJobs(handle.db, clock.now(), {
        workspaceId,
        approvalsChannel,
      });
      console.log(`${workspaceId} as of ${clock.now().toISOString()}: ${JSON.stringify(done)}`);
    }
    // Deleting for good is never tried out: the purge goes by the real time, whatever --at says.
    const purged = await purgeUninstalledWorkspaces(handle.db, systemClock, {
      retentionDays: config.uninstalledRetentionDays,
    });
    if (purged.length > 0)
      console.log(`purged (uninstalled over ${config.uninstalledRetentionDays} days): ${purged.join(", ")}`);
    const send = await relaySender(config, { db: handle.db, clock, logger: consoleLogger });
    if (!send) {
      console.log("No Slack settings: the messages wait in the outbox until the app runs with them.");
      return 0;
    }
    const total = await relayUntilDone(handle.db, clock, send);
    console.log(`outbox: ${JSON.stringify(total)}`);
    return total.failed > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
});

import { bootstrap, runMain } from "./cli/bootstrap.ts";
import { formatSeatTable } from "./cli/seat-table.ts";
import { seedLocalWorkspace } from "./cli/seed-local.ts";
import { startScheduler } from "./jobs/start-scheduler.ts";
import { systemClock } from "./licensing/clock.ts";
import { getSeatUsage } from "./licensing/get-seat-usage.ts";
import { startSlackApp } from "./slack/app.ts";
import { consoleLogger } from "./slack/logger.ts";
import { afterNoticeSent } from "./slack/outbox/after-notice-sent.ts";
import { relayClient, sendJobNotice } from "./slack/outbox/send-job-notice.ts";

/**
 * Composition root: config → database → migrations → the Slack app when Slack settings are
 * given; without them, the local workspace's seat table.
 */
runMain(async () => {
  const { config, handle } = await bootstrap();
  if (!config.slack) {
    try {
      const where =
        config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
      const seeded = await seedLocalWorkspace(handle.db, systemClock, config.workspaceId);
      console.log(
        `License Desk: ${where}, workspace ${config.workspaceId}${seeded ? " (example catalog loaded)" : ""}\n`,
      );
      console.log(formatSeatTable(await getSeatUsage(handle.db, { workspaceId: config.workspaceId })));
      return 0;
    } finally {
      await handle.close();
    }
  }
  const running = await startSlackApp(config.slack, {
    db: handle.db,
    clock: systemClock,
    logger: consoleLogger,
    directorySync: {},
    ...(config.slack.approvalsChannel ? { approvalsChannel: config.slack.approvalsChannel } : {}),
  });
  const relay = relayClient(config.slack.botToken, config.slack.apiUrl);
  const jobDeps = { db: handle.db, clock: systemClock, logger: consoleLogger };
  const scheduler = await startScheduler({
    ...jobDeps,
    send: sendJobNotice(relay, afterNoticeSent(jobDeps, relay)),
    approvalsChannel: config.slack.approvalsChannel,
  });
  consoleLogger.info("License Desk is running", {
    mode: config.slack.appToken ? "socket" : "http",
    url: running.url,
    database: config.database.kind,
  });
  return new Promise<number>((resolve) => {
    const stop = async () => {
      await scheduler.stop();
      await running.close();
      await handle.close();
      resolve(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
});

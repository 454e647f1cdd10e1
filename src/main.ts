import { bootstrap, runMain } from "./cli/bootstrap.ts";
import { loadProcessConfig } from "./config.ts";
import { startWithoutSlack } from "./console/start-without-slack.ts";
import { startScheduler } from "./jobs/start-scheduler.ts";
import { systemClock } from "./licensing/clock.ts";
import { startSlackApp } from "./slack/app.ts";
import { consoleLogger } from "./slack/logger.ts";
import { afterNoticeSent } from "./slack/outbox/after-notice-sent.ts";
import { relayClient, sendJobNotice } from "./slack/outbox/send-job-notice.ts";

/**
 * Composition root: config → database → migrations → the Slack app when Slack settings are
 * given; without them, the local console on a stand-in for Slack (at a terminal, or a script).
 */
runMain(async () => {
  const config = loadProcessConfig();
  const slack = config.slack;
  if (!slack) return startWithoutSlack(config, process.argv.slice(2), process.stdin.isTTY === true);
  const { handle } = await bootstrap(config);
  const running = await startSlackApp(slack, {
    db: handle.db,
    clock: systemClock,
    logger: consoleLogger,
    directorySync: {},
    ...(slack.approvalsChannel ? { approvalsChannel: slack.approvalsChannel } : {}),
  });
  const relay = relayClient(slack.botToken, slack.apiUrl);
  const jobDeps = { db: handle.db, clock: systemClock, logger: consoleLogger };
  const scheduler = await startScheduler({
    ...jobDeps,
    send: sendJobNotice(relay, afterNoticeSent(jobDeps, relay)),
    approvalsChannel: slack.approvalsChannel,
  });
  consoleLogger.info("License Desk is running", {
    mode: slack.appToken ? "socket" : "http",
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

import { setTimeout as delay } from "node:timers/promises";
import { bootstrap, runMain } from "./cli/bootstrap.ts";
import { stopGracefully } from "./cli/stop-gracefully.ts";
import { loadProcessConfig } from "./config.ts";
import { systemClock } from "./licensing/clock.ts";
import { consoleLogger } from "./slack/shared/logger.ts";

/**
 * Composition root: config → database → migrations → the Slack app when Slack settings are
 * given (one workspace's token, or OAuth for many); without them, the local console on a
 * stand-in for Slack (at a terminal, or a script). Each path loads only what it runs.
 */
runMain(async () => {
  const config = loadProcessConfig();
  const slack = config.slackOAuth ?? config.slack;
  if (!slack) {
    const { startWithoutSlack } = await import("./console/start-without-slack.ts");
    return startWithoutSlack(config, process.argv.slice(2), process.stdin.isTTY === true);
  }
  // The database opens and migrates while the Slack app and the jobs load: that is most of a start.
  const [
    { handle },
    { startSlackApp },
    { startScheduler },
    { relaySender },
    { slackDirectorySource },
    { connectTenants },
  ] = await Promise.all([
    bootstrap(config),
    import("./slack/app.ts"),
    import("./jobs/start-scheduler.ts"),
    import("./slack/notices/relay-sender.ts"),
    import("./slack/directory/slack-directory-source.ts"),
    import("./tenants/connect-tenants.ts"),
  ]);
  const tenantConnections = connectTenants(config, handle.db);
  const jobDeps = {
    db: handle.db,
    clock: systemClock,
    logger: consoleLogger,
    tenants: tenantConnections.resolve,
  };
  const slackDeps = {
    ...jobDeps,
    tenantConnections,
    connections: () => handle.connections(),
    ...(slack.approvalsChannel ? { approvalsChannel: slack.approvalsChannel } : {}),
  };
  const running = await startSlackApp(slack, slackDeps);
  const send = await relaySender(config, jobDeps);
  if (!send) throw new Error("Slack settings without a way to send: this is a bug");
  const scheduler = await startScheduler({
    ...jobDeps,
    send,
    approvalsChannel: slack.approvalsChannel,
    uninstalledRetentionDays: config.uninstalledRetentionDays,
    directory: slackDirectorySource(slackDeps, running.syncConnection),
  });
  const stopped = new Promise<number>((resolve) => {
    // A drain first (health checks fail, requests are still served), then new requests are
    // refused, those in flight and running jobs finish, and the pool closes.
    let stopping: Promise<number> | undefined;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      consoleLogger.info("License Desk is stopping", {
        signal,
        drainSeconds: config.shutdownDrainMs / 1000,
        timeoutSeconds: config.shutdownTimeoutMs / 1000,
      });
      running.drain();
      stopping = delay(config.shutdownDrainMs).then(() =>
        stopGracefully(
          [
            [
              {
                name: "Slack requests",
                stop: () => running.close(),
                running: () => running.inFlight.describe(),
              },
              { name: "scheduled jobs", stop: () => scheduler.stop() },
            ],
            [{ name: "the database pool", stop: () => handle.close() }],
          ],
          { timeoutMs: config.shutdownTimeoutMs, logger: consoleLogger },
        ),
      );
      void stopping.then(resolve);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
  // Said once the stop is in place: whoever waits for this line may signal at once.
  consoleLogger.info("License Desk is running", {
    mode: "oauth" in slack ? "oauth" : slack.appToken ? "socket" : "http",
    url: running.url,
    database: config.database.kind,
  });
  return stopped;
});

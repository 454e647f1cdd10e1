import type { App } from "@slack/bolt";
import type { SlackConfig, SlackOAuthConfig } from "../config.ts";
import { databaseHealth } from "../http/database-health.ts";
import { serveHttp } from "../http/serve-http.ts";
import { buildSlackApp } from "./build-slack-app.ts";
import type { DirectorySyncConnection } from "./directory/slack-directory-source.ts";
import type { InFlightWork } from "./shared/in-flight.ts";
import { describeError } from "./shared/logger.ts";
import type { SlackDeps } from "./slack-deps.ts";

export interface RunningSlackApp {
  app: App;
  /** The HTTP server's base URL (HTTP mode), e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests still being worked on, their listeners' work after the ack included. */
  inFlight: InFlightWork;
  /** Where the directory sync (a daily job) gets its tokens: the bot token, or each install's. */
  syncConnection: DirectorySyncConnection;
  /**
   * Begins a drain: /healthz answers 503 from now on, so the load balancer stops sending here,
   * while every request that still arrives is served as usual.
   */
  drain(): void;
  /**
   * Stops taking requests (new connections are refused; a request on a connection still open, and
   * GET /healthz, get 503) and waits for the ones in flight and their listeners.
   */
  close(): Promise<void>;
}

/**
 * Runs the Slack app behind the instance's HTTP server: HTTP mode on `port` (POST /slack/events,
 * GET /healthz), or Socket Mode with an app token and the server for /healthz alone. The server
 * (health, drain, stop) and the Bolt app are built apart; this joins them.
 */
export async function startSlackApp(
  config: SlackConfig | SlackOAuthConfig,
  deps: SlackDeps,
): Promise<RunningSlackApp> {
  const slack = await buildSlackApp(config, deps);
  const server = await serveHttp({
    port: config.port,
    host: config.host,
    health: databaseHealth({
      db: deps.db,
      onUnreachable: (error) =>
        deps.logger.warn("health check: database did not answer", describeError(error)),
      ...(deps.connections ? { connections: deps.connections } : {}),
    }),
    busy: slack.busy,
    ...(slack.handle ? { handle: slack.handle } : {}),
  });
  await slack.start();
  return {
    app: slack.app,
    url: server.url,
    inFlight: slack.inFlight,
    syncConnection: slack.syncConnection,
    drain: server.drain,
    close: () => server.close(slack.stop),
  };
}

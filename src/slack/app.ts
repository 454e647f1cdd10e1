import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { sql } from "drizzle-orm";
import type { SlackConfig, SlackOAuthConfig } from "../config.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { type DirectorySyncConnection, scheduleDirectorySync } from "./directory/schedule-directory-sync.ts";
import { registerListeners } from "./register-listeners.ts";
import { InFlightWork } from "./shared/in-flight.ts";
import { describeError } from "./shared/logger.ts";
import { shedRequest } from "./shared/shed-request.ts";
import { tokenWorkspaceOnly } from "./shared/token-workspace-only.ts";
import { type SlackPayloadIds, workspaceOf } from "./shared/workspace-of.ts";
import type { SlackDeps } from "./slack-deps.ts";

export interface RunningSlackApp {
  app: App;
  /** The HTTP server's base URL (HTTP mode), e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests still being worked on, their listeners' work after the ack included. */
  inFlight: InFlightWork;
  /**
   * Begins a drain: /healthz answers 503 from now on, so the load balancer stops sending here,
   * while every request that still arrives is served as usual.
   */
  drain(): void;
  /**
   * Stops taking requests (new connections are refused; a request on a connection still open, and
   * GET /healthz, get 503), waits for the ones in flight and their listeners, then stops the sync.
   */
  close(): Promise<void>;
}

const DEFAULT_MAX_IN_FLIGHT = 64;

/** Slack rejects requests older than five minutes; one from further in the future is no better. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Runs the Slack app: HTTP mode on `port` (POST /slack/events, GET /healthz), or Socket Mode
 * with an app token. Listener errors never become 500s that make Slack retry: they are logged and
 * answered 200, and the listener has already told the user.
 *
 * With OAuth settings (`oauth`), any number of workspaces install it through GET /slack/install
 * and each request runs with its own install's token, which Bolt puts in the listener's `client`.
 */
export async function startSlackApp(
  config: SlackConfig | SlackOAuthConfig,
  deps: SlackDeps,
): Promise<RunningSlackApp> {
  const { host } = config;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  if (!("oauth" in config) && config.appToken) {
    const app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      clientOptions,
      logLevel: LogLevel.WARN,
    });
    const inFlight = wire(app, deps);
    await app.start();
    const stopping = { now: false, draining: false };
    const health = await listen(healthOnly(deps, stopping), config.port, host);
    const sync = deps.directorySync && scheduleDirectorySync(deps, config, deps.directorySync);
    return {
      app,
      url: health.url,
      inFlight,
      drain: () => {
        stopping.draining = true;
      },
      close: async () => {
        stopping.now = true;
        await app.stop();
        await inFlight.idle();
        await sync?.stop();
        await health.close();
      },
    };
  }
  const { signingSecret } = config;
  if (!signingSecret) throw new Error("HTTP mode needs a signing secret");
  const maxInFlight = config.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const modeParts =
    "oauth" in config
      ? await loadOAuth(config, deps)
      : { receiverOptions: {}, syncConnection: (): DirectorySyncConnection => config };
  const receiver = new HTTPReceiver({
    signingSecret,
    processBeforeResponse: false,
    logLevel: LogLevel.WARN,
    processEventErrorHandler: async ({ error, response }) => {
      deps.logger.error("unhandled error in a Slack listener", describeError(error));
      if (!response.headersSent) response.writeHead(200).end();
      return true;
    },
    ...modeParts.receiverOptions,
  });
  // No conversation store: nothing uses it, and it costs an Error with a stack on every request.
  const app = new App({
    ...("oauth" in config ? {} : { token: config.botToken }),
    receiver,
    clientOptions,
    logLevel: LogLevel.WARN,
    convoStore: false,
  });
  const inFlight = wire(app, deps);
  const stopping = { now: false, draining: false };
  const server = createServer((req, res) => {
    if (stopping.now) {
      refuseWhileStopping(res);
      return;
    }
    if (req.method === "GET" && req.url === "/healthz") {
      if (stopping.draining) refuseWhileStopping(res);
      else if (inFlight.count >= maxInFlight) answerBusy(res);
      else void answerHealth(deps, res);
      return;
    }
    if (timestampTooFarAhead(req, deps.clock.now())) {
      res.writeHead(401).end();
      return;
    }
    // Work admitted past this point waits for the pool behind the rest; past the bound it would
    // only be late, its trigger ids expired, so it is turned away at once instead.
    if (req.method === "POST" && inFlight.count >= maxInFlight) {
      void shedRequest(req, res, signingSecret, deps.logger);
      return;
    }
    res.once("close", inFlight.begin(`${req.method} ${req.url}`));
    receiver.requestListener(req, res);
  });
  const listening = await listen(server, config.port, host);
  // With OAuth, each installed workspace is synced with its own install's token.
  const sync =
    deps.directorySync && scheduleDirectorySync(deps, modeParts.syncConnection(), deps.directorySync);
  return {
    app,
    url: listening.url,
    inFlight,
    drain: () => {
      stopping.draining = true;
    },
    close: async () => {
      stopping.now = true;
      const closed = listening.close();
      await inFlight.idle();
      // Connections kept alive with nothing in flight would hold the server open until they time out.
      listening.closeIdle();
      await closed;
      if (sync) await sync.stop();
    },
  };
}

/** What only OAuth mode needs, loaded only in OAuth mode: the installation store, its cipher and refresh. */
async function loadOAuth(config: SlackOAuthConfig, deps: SlackDeps) {
  const { oauthInstallationStore, oauthReceiverOptions } = await import(
    "./install/oauth-receiver-options.ts"
  );
  return {
    receiverOptions: oauthReceiverOptions(config, deps),
    syncConnection: (): DirectorySyncConnection => ({
      installations: oauthInstallationStore(config, deps),
      apiUrl: config.apiUrl,
    }),
  };
}

function wire(app: App, deps: SlackDeps): InFlightWork {
  const inFlight = new InFlightWork();
  inFlight.watch(app);
  app.use(tokenWorkspaceOnly(app.client, deps.logger));
  // Every listener, and the work it goes on with after its ack, reaches only its workspace's rows.
  app.use(({ body, next }) => withinWorkspace(workspaceOf(body as SlackPayloadIds), next));
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error("Slack app error", describeError(error));
  });
  return inFlight;
}

/** The load balancer takes the 503 as "send elsewhere"; `connection: close` ends a kept-alive connection. */
function refuseWhileStopping(res: ServerResponse): void {
  res
    .writeHead(503, { "content-type": "application/json", connection: "close" })
    .end('{"ok":false,"stopping":true}');
}

/** The load balancer takes it as "send elsewhere for now", as during a drain. */
function answerBusy(res: ServerResponse): void {
  res.writeHead(503, { "content-type": "application/json" }).end('{"ok":false,"busy":true}');
}

function timestampTooFarAhead(req: IncomingMessage, now: Date): boolean {
  const header = req.headers["x-slack-request-timestamp"];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp - now.getTime() / 1000 > MAX_CLOCK_SKEW_SECONDS;
}

async function answerHealth(deps: SlackDeps, res: ServerResponse): Promise<void> {
  let body: Record<string, unknown>;
  let status: number;
  try {
    await deps.db.execute(sql`select 1`);
    status = 200;
    body = { ok: true };
  } catch (error) {
    deps.logger.warn("health check: database did not answer", describeError(error));
    status = 503;
    body = { ok: false, database: "unreachable" };
  }
  // Counted once the check's own connection is back in the pool.
  if (deps.connections) body.connections = deps.connections();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function healthOnly(deps: SlackDeps, stopping: { now: boolean; draining: boolean }): Server {
  return createServer((req, res) => {
    if (stopping.now || stopping.draining) refuseWhileStopping(res);
    else if (req.method === "GET" && req.url === "/healthz") void answerHealth(deps, res);
    else res.writeHead(404).end();
  });
}

function listen(
  server: Server,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void>; closeIdle(): void }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = host === "0.0.0.0" ? "127.0.0.1" : host;
      resolve({
        url: `http://${shown}:${address.port}`,
        // Stops listening and resolves once every connection has ended; requests on them are answered.
        close: () => new Promise<void>((done) => server.close(() => done())),
        closeIdle: () => server.closeIdleConnections(),
      });
    });
  });
}

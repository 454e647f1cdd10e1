import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { SlackConfig, SlackOAuthConfig } from "../config.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import type { DirectorySyncConnection } from "./directory/slack-directory-source.ts";
import { registerListeners } from "./register-listeners.ts";
import { InFlightWork } from "./shared/in-flight.ts";
import { describeError } from "./shared/logger.ts";
import { shedRequest } from "./shared/shed-request.ts";
import { tokenWorkspaceOnly } from "./shared/token-workspace-only.ts";
import { type SlackPayloadIds, workspaceOf } from "./shared/workspace-of.ts";
import type { SlackDeps } from "./slack-deps.ts";

export interface BuiltSlackApp {
  app: App;
  /** Requests still being worked on, their listeners' work after the ack included. */
  inFlight: InFlightWork;
  /** True while the app has no room for another request. */
  busy(): boolean;
  /** HTTP mode: answers Slack's requests (POST /slack/events, the OAuth pages). Socket Mode: absent. */
  handle?(req: IncomingMessage, res: ServerResponse): void;
  /** Where the directory sync gets its tokens: the bot token, or each install's. */
  syncConnection: DirectorySyncConnection;
  /** Socket Mode opens its socket; HTTP mode has nothing to start, the server brings the requests. */
  start(): Promise<void>;
  /** Stops taking Slack's requests (Socket Mode closes its socket) and waits for those in flight. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_IN_FLIGHT = 64;

/** Slack rejects requests older than five minutes; one from further in the future is no better. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Builds the Bolt app and its listeners, without serving anything: HTTP mode hands back `handle`
 * for an HTTP server to call, Socket Mode its own socket. Listener errors never become 500s that
 * make Slack retry: they are logged and answered 200, and the listener has already told the user.
 *
 * With OAuth settings (`oauth`), any number of workspaces install it through GET /slack/install
 * and each request runs with its own install's token, which Bolt puts in the listener's `client`.
 */
export async function buildSlackApp(
  config: SlackConfig | SlackOAuthConfig,
  deps: SlackDeps,
): Promise<BuiltSlackApp> {
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
    return {
      app,
      inFlight,
      busy: () => false,
      syncConnection: { botToken: config.botToken, apiUrl: config.apiUrl },
      start: async () => {
        await app.start();
      },
      stop: async () => {
        await app.stop();
        await inFlight.idle();
      },
    };
  }
  const { signingSecret } = config;
  if (!signingSecret) throw new Error("HTTP mode needs a signing secret");
  const maxInFlight = config.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const modeParts =
    "oauth" in config
      ? await loadOAuth(config, deps)
      : { receiverOptions: {}, syncConnection: { botToken: config.botToken, apiUrl: config.apiUrl } };
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
  const busy = () => inFlight.count >= maxInFlight;
  return {
    app,
    inFlight,
    busy,
    syncConnection: modeParts.syncConnection,
    handle: (req, res) => {
      if (timestampTooFarAhead(req, deps.clock.now())) {
        res.writeHead(401).end();
        return;
      }
      // Work admitted past this point waits for the pool behind the rest; past the bound it would
      // only be late, its trigger ids expired, so it is turned away at once instead.
      if (req.method === "POST" && busy()) {
        void shedRequest(req, res, signingSecret, deps.logger);
        return;
      }
      res.once("close", inFlight.begin(`${req.method} ${req.url}`));
      receiver.requestListener(req, res);
    },
    start: async () => {},
    stop: () => inFlight.idle(),
  };
}

/** What only OAuth mode needs, loaded only in OAuth mode: the installation store, its cipher and refresh. */
async function loadOAuth(config: SlackOAuthConfig, deps: SlackDeps) {
  const { oauthInstallationStore, oauthReceiverOptions } = await import(
    "./install/oauth-receiver-options.ts"
  );
  // With OAuth, each installed workspace is synced with its own install's token.
  const syncConnection: DirectorySyncConnection = {
    installations: oauthInstallationStore(config, deps),
    apiUrl: config.apiUrl,
  };
  return { receiverOptions: oauthReceiverOptions(config, deps), syncConnection };
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

function timestampTooFarAhead(req: IncomingMessage, now: Date): boolean {
  const header = req.headers["x-slack-request-timestamp"];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp - now.getTime() / 1000 > MAX_CLOCK_SKEW_SECONDS;
}

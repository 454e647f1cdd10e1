import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What GET /healthz answers while the instance serves. */
export interface HealthAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface HttpServerOptions {
  port: number;
  host: string;
  /** The answer to GET /healthz while serving and not busy: 200 when the instance can work. */
  health(): Promise<HealthAnswer>;
  /** True while the instance has no room for more work: /healthz then answers 503 busy. */
  busy?(): boolean;
  /** Every request other than /healthz (Slack's, in HTTP mode); without it they get 404. */
  handle?(req: IncomingMessage, res: ServerResponse): void;
}

export interface RunningHttpServer {
  /** The base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /**
   * Begins a drain: /healthz answers 503 from now on, so the load balancer stops sending here,
   * while every other request that still arrives is served as usual.
   */
  drain(): void;
  /**
   * Stops listening (new connections are refused; a request on a connection still open gets 503
   * and `connection: close`), waits for `settled` (the work in flight), then for every connection
   * to end.
   */
  close(settled?: () => Promise<void>): Promise<void>;
}

/**
 * The instance's HTTP side: health checks, the drain and the stop, whatever the app behind it
 * is. It knows nothing of Slack; the app it serves comes in as `handle`.
 */
export async function serveHttp(options: HttpServerOptions): Promise<RunningHttpServer> {
  const state = { draining: false, stopping: false };
  const server = createServer((req, res) => {
    if (state.stopping) {
      refuseWhileStopping(res);
      return;
    }
    if (req.method === "GET" && req.url === "/healthz") {
      if (state.draining) refuseWhileStopping(res);
      else if (options.busy?.()) answerBusy(res);
      else void answerHealth(options, res);
      return;
    }
    if (options.handle) options.handle(req, res);
    else res.writeHead(404).end();
  });
  const listening = await listen(server, options.port, options.host);
  return {
    url: listening.url,
    drain: () => {
      state.draining = true;
    },
    close: async (settled) => {
      state.stopping = true;
      const closed = listening.close();
      await settled?.();
      // Connections kept alive with nothing in flight would hold the server open until they time out.
      listening.closeIdle();
      await closed;
    },
  };
}

async function answerHealth(options: HttpServerOptions, res: ServerResponse): Promise<void> {
  const { status, body } = await options
    .health()
    .catch((): HealthAnswer => ({ status: 503, body: { ok: false } }));
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
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

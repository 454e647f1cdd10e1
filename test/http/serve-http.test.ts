import { connect } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { type HttpServerOptions, serveHttp } from "../../src/http/serve-http.ts";

const healthy = async () => ({ status: 200, body: { ok: true } });

async function serve(options: Partial<HttpServerOptions> = {}) {
  const server = await serveHttp({ port: 0, host: "127.0.0.1", health: healthy, ...options });
  let closed = false;
  onTestFinished(async () => {
    if (!closed) await server.close();
  });
  return {
    ...server,
    close: async (settled?: () => Promise<void>) => {
      closed = true;
      await server.close(settled);
    },
  };
}

describe("the HTTP server, apart from any app", () => {
  it("answers /healthz from the health check and hands every other request to the app, or 404 without one", async () => {
    const withApp = await serve({ handle: (_req, res) => res.writeHead(200).end("app") });
    const health = await fetch(`${withApp.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    expect(await (await fetch(`${withApp.url}/slack/events`, { method: "POST" })).text()).toBe("app");

    const bare = await serve({
      health: async () => ({ status: 503, body: { ok: false, database: "unreachable" } }),
    });
    expect((await fetch(`${bare.url}/healthz`)).status).toBe(503);
    expect((await fetch(`${bare.url}/slack/events`, { method: "POST" })).status).toBe(404);
  });

  it("answers busy while the app has no room, without asking the health check", async () => {
    let asked = 0;
    const server = await serve({
      busy: () => true,
      health: async () => {
        asked += 1;
        return { status: 200, body: { ok: true } };
      },
    });
    const answer = await fetch(`${server.url}/healthz`);
    expect([answer.status, await answer.json(), asked]).toEqual([503, { ok: false, busy: true }, 0]);
  });

  it("drains with /healthz at 503 while the app still serves, then stops only after the work in flight", async () => {
    // The app answers at once and works on after its answer, as Bolt does after its ack.
    let finishWork: () => void = () => {};
    const workDone = new Promise<void>((resolve) => {
      finishWork = resolve;
    });
    const server = await serve({ handle: (_req, res) => res.writeHead(200).end("ack") });
    server.drain();
    const draining = await fetch(`${server.url}/healthz`);
    expect([draining.status, await draining.json()]).toEqual([503, { ok: false, stopping: true }]);
    expect(await (await fetch(`${server.url}/slack/events`, { method: "POST" })).text()).toBe("ack");

    let closed = false;
    const closing = server
      .close(() => workDone)
      .then(() => {
        closed = true;
      });
    // Once a new connection is refused the stop is under way; the work after the ack still holds it open.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    finishWork();
    await closing;
    expect(closed).toBe(true);
  });

  it("answers a request on a connection opened before the stop with 503 and connection: close", async () => {
    const server = await serve({ handle: (_req, res) => res.writeHead(200).end("app") });
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    onTestFinished(() => {
      socket.destroy();
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    const ended = new Promise((resolve) => socket.on("close", resolve));
    // Half a request: the connection is busy, so the stop cannot close it as idle.
    await new Promise<void>((resolve) =>
      socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\n`, () => resolve()),
    );
    let settle: () => void = () => {};
    const closed = server.close(() => new Promise<void>((resolve) => (settle = resolve)));
    socket.write("\r\n");
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(answer).toMatch(/connection: close/i);
    settle();
    await closed;
  });
});

import { connect, createServer, type Server, type Socket } from "node:net";

/** Where a cut falls relative to the statement that triggers it. */
export type CutPoint =
  /** The statement never reaches the server. */
  | "before"
  /** The server gets the statement and runs it; its answer never comes back. */
  | "after";

interface PendingCut {
  match: RegExp;
  point: CutPoint;
  cut: () => void;
  /** Set: only a connection that has sent a statement matching it first is cut. */
  armedBy?: RegExp;
  armedOn?: object;
}

/**
 * A TCP proxy between the app and Postgres that can drop connections the way a network, a restart
 * or a failover does: when a statement matching a pattern passes (`cutAt`), or all at once
 * (`cutAll`), or by refusing every new connection for a while (`down`).
 */
export interface TcpProxy {
  readonly port: number;
  /** A postgres:// URL like `url`, pointing at the proxy. */
  urlFor(url: string): string;
  /**
   * Cuts the connection of the next statement matching `match`: its text must travel, so not a
   * statement already prepared on that connection. `happened` tells whether it has; `thenDown`
   * keeps the database unreachable from then on, until `down(false)`; `armedBy` cuts only the
   * connection that sent a statement matching it first (the COMMIT of one transaction).
   */
  cutAt(
    match: RegExp,
    point: CutPoint,
    options?: { thenDown?: boolean; armedBy?: RegExp },
  ): { readonly happened: boolean };
  /** Drops every open connection now. */
  cutAll(): void;
  /** While down, open connections are dropped and new ones are closed at once. */
  down(isDown: boolean): void;
  /** Connections open through the proxy now. */
  readonly open: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; server: Socket }>();
  const pending: PendingCut[] = [];
  let isDown = false;

  const server: Server = createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = { client, server: upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("data", (chunk) => {
      // Statements travel as text in a Query or Parse message; a chunk holds whole small messages.
      const text = chunk.toString("latin1");
      const index = pending.findIndex(
        (p) => p.match.test(text) && (p.armedBy === undefined || p.armedOn === pair),
      );
      for (const p of pending) if (p.armedBy && !p.armedOn && p.armedBy.test(text)) p.armedOn = pair;
      const hit = index >= 0 ? pending.splice(index, 1)[0] : undefined;
      if (!hit) {
        upstream.write(chunk);
        return;
      }
      if (hit.point === "before") {
        drop();
        hit.cut();
        return;
      }
      // Stop answering the client, let the statement reach the server, then drop the connection
      // once the server has had time to act on it.
      upstream.removeAllListeners("data");
      upstream.write(chunk, () => {
        upstream.once("data", () => {
          drop();
          hit.cut();
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  const cutAll = () => {
    for (const pair of [...pairs]) {
      pair.client.destroy();
      pair.server.destroy();
    }
  };
  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cutAt(match, point, options = {}) {
      const state = { happened: false };
      const cut = () => {
        state.happened = true;
        if (options.thenDown) {
          isDown = true;
          cutAll();
        }
      };
      pending.push({ match, point, cut, ...(options.armedBy ? { armedBy: options.armedBy } : {}) });
      return state;
    },
    cutAll,
    down(value) {
      isDown = value;
      if (value) cutAll();
    },
    get open() {
      return pairs.size;
    },
    close() {
      cutAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

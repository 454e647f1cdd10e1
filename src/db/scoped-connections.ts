import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import {
  type ConnectionSettings,
  connectionSettings,
  type Unscoped,
  WORKSPACE_SETTING,
} from "./workspace-scope.ts";

/**
 * Session-level on purpose: set once, a connection keeps serving the same workspace with no
 * further round trip, which is the common case (one workspace's burst of requests, one job).
 */
const APPLY = `select set_config('role', $1, false), set_config('${WORKSPACE_SETTING}', $2, false)`;

const keyOf = (settings: ConnectionSettings) => `${settings.role}\n${settings.workspace}`;

/** A rollback undoes settings made inside the transaction, so the connection's are unknown after it. */
const isRollback = (statement: unknown) =>
  /^\s*rollback\b/i.test(
    typeof statement === "string" ? statement : String((statement as { text?: unknown })?.text),
  );

/**
 * A node-postgres client that sets its connection to the current work's scope before each
 * statement, when it is not set so already. Every statement the pool runs passes through here,
 * which is what makes the scope impossible to skip.
 */
export function scopedClientClass(unscoped: Unscoped): typeof pg.Client {
  return class ScopedClient extends pg.Client {
    #applied: string | undefined;

    // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; each passes through
    override query(...args: any[]): any {
      if (typeof args[args.length - 1] === "function")
        throw new Error("pass no callback: the query returns a promise");
      return this.#inScope(args);
    }

    // biome-ignore lint/suspicious/noExplicitAny: see query
    async #inScope(args: any[]): Promise<any> {
      if (isRollback(args[0])) {
        // Never set anything first: in a failed transaction that would fail too, and the rollback never run.
        this.#applied = undefined;
        return super.query(args[0], args[1]);
      }
      const settings = connectionSettings(unscoped);
      const key = keyOf(settings);
      if (this.#applied !== key) {
        // Marked before it lands: a statement sent meanwhile on this client queues behind it.
        this.#applied = key;
        try {
          await super.query(APPLY, [settings.role, settings.workspace]);
        } catch (error) {
          this.#applied = undefined;
          throw error;
        }
      }
      return super.query(args[0], args[1]);
    }
  };
}

/**
 * A pool whose queries run in the scope of the work that sent them. node-postgres's own
 * `pool.query` sends the statement from the pool's callback, which runs in whatever work released
 * the connection when the pool was busy: that work's workspace. Awaiting the connection here
 * keeps the sender's.
 */
export class ScopedPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: see ScopedClient's query
  override query(...args: any[]): any {
    if (typeof args[args.length - 1] === "function")
      throw new Error("pass no callback: the query returns a promise");
    return this.#query(args);
  }

  // biome-ignore lint/suspicious/noExplicitAny: see ScopedClient's query
  async #query(args: any[]): Promise<any> {
    const client = await this.connect();
    try {
      const result = await client.query(args[0], args[1]);
      client.release();
      return result;
    } catch (error) {
      // As node-postgres's pool.query does: a client whose statement failed is not reused.
      client.release(error as Error);
      throw error;
    }
  }
}

/** PGlite is one connection, shared by every view of it: what it is set to, and who holds it. */
export interface SharedPglite {
  client: PGlite;
  applied: string | undefined;
  tail: Promise<unknown>;
}

/**
 * The part of PGlite that drizzle uses, with the scope applied the same way. Applying and the
 * statement it is for run under one lock, so concurrent work in other scopes cannot slip between.
 */
export function scopedPglite(shared: SharedPglite, unscoped: Unscoped) {
  const apply = async () => {
    const settings = connectionSettings(unscoped);
    const key = keyOf(settings);
    if (shared.applied === key) return;
    shared.applied = undefined;
    await shared.client.query(APPLY, [settings.role, settings.workspace]);
    shared.applied = key;
  };
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = shared.tail.then(work);
    shared.tail = result.catch(() => {});
    return result;
  };
  return {
    query: (...args: Parameters<PGlite["query"]>) =>
      exclusive(async () => {
        await apply();
        return shared.client.query(...args);
      }),
    // Applied before BEGIN, so that a rollback cannot undo it.
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      exclusive(async () => {
        await apply();
        return shared.client.transaction(work);
      }),
  };
}

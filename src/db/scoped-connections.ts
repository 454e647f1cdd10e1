import pg from "pg";
import { statementName } from "./statement-name.ts";
import { APPLY_SETTINGS, connectionSettings, settingsKey, type Unscoped } from "./workspace-scope.ts";

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
      const key = settingsKey(settings);
      if (this.#applied !== key) {
        // Marked before it lands: a statement sent meanwhile on this client queues behind it.
        this.#applied = key;
        try {
          await super.query(APPLY_SETTINGS, [settings.role, settings.workspace]);
        } catch (error) {
          this.#applied = undefined;
          throw error;
        }
      }
      return super.query(named(args[0]), args[1]);
    }
  };
}

/** A statement marked with `preparedAs` goes out prepared under its name; any other as it came. */
// biome-ignore lint/suspicious/noExplicitAny: see ScopedClient's query
function named(statement: any): any {
  if (typeof statement !== "object" || statement === null || typeof statement.text !== "string")
    return statement;
  const name = statementName(statement.text);
  return name === undefined ? statement : { ...statement, name };
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

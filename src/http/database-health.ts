import { sql } from "drizzle-orm";
import type { ConnectionCounts, Database } from "../db/client.ts";
import type { HealthAnswer } from "./serve-http.ts";

export interface DatabaseHealthDeps {
  db: Database;
  /** Told why the database did not answer, for the log. */
  onUnreachable(error: unknown): void;
  /** The pool's counts, shown by /healthz: a connection checked out for good shows there. */
  connections?: () => ConnectionCounts;
}

/** Healthy when the database answers a query: an instance that cannot reach it can serve nobody. */
export function databaseHealth(deps: DatabaseHealthDeps): () => Promise<HealthAnswer> {
  return async () => {
    let answer: HealthAnswer;
    try {
      await deps.db.execute(sql`select 1`);
      answer = { status: 200, body: { ok: true } };
    } catch (error) {
      deps.onUnreachable(error);
      answer = { status: 503, body: { ok: false, database: "unreachable" } };
    }
    // Counted once the check's own connection is back in the pool.
    if (deps.connections) answer.body.connections = deps.connections();
    return answer;
  };
}

import { setImmediate as nextTurn } from "node:timers/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { APPLY_SETTINGS, connectionSettings, settingsKey, type Unscoped } from "./workspace-scope.ts";

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
    const key = settingsKey(settings);
    if (shared.applied === key) return;
    shared.applied = undefined;
    await shared.client.query(APPLY_SETTINGS, [settings.role, settings.workspace]);
    shared.applied = key;
  };
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    // PGlite runs a statement on this thread and answers through promises alone: without a turn of
    // the event loop before each, work of many statements (a job at start) would hold off every
    // request and health check until it ended, which no database over a network does.
    const result = shared.tail.then(() => nextTurn()).then(work);
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

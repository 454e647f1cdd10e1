import type { Database } from "../db/client.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import type { Clock } from "../licensing/clock.ts";
import type { PostgresRunCoordinator } from "./postgres-run-coordinator.ts";
import { type WorkspaceDay, workspaceDays } from "./workspace-days.ts";

/** A sync holds its claim this long; one that died leaves its day to be claimed after it. */
export const DIRECTORY_LEASE_MS = 60 * 60_000;

/** Where the directory comes from (Slack's users.list): the jobs know only this much of it. */
export interface DirectorySource {
  /** The workspaces whose directory this instance can read, each recorded as a workspace first. */
  workspaces(): Promise<string[]>;
  /** Reads one workspace's directory and records it, in that workspace's scope; throws when it could not. */
  sync(workspaceId: string, signal: AbortSignal): Promise<void>;
}

export interface DirectorySyncRuns {
  synced: WorkspaceDay[];
  failed: (WorkspaceDay & { error: unknown })[];
}

/**
 * Syncs the directory of each workspace the source can read whose local day has not been synced
 * yet: one claim per workspace and local date in the same claim table as the daily jobs, so each
 * day's sync runs once across instances. A failed sync gives its day back for the next tick and
 * leaves the other workspaces to sync.
 */
export async function runDueDirectorySyncs(
  db: Database,
  clock: Clock,
  coordinator: PostgresRunCoordinator,
  source: DirectorySource,
  signal: AbortSignal,
): Promise<DirectorySyncRuns> {
  const among = await source.workspaces();
  const runs: DirectorySyncRuns = { synced: [], failed: [] };
  if (among.length === 0) return runs;
  for (const day of await workspaceDays(db, clock.now(), { among })) {
    if (signal.aborted) break;
    const key = `directory:${day.workspaceId}:${day.localDate}`;
    if (!(await coordinator.shouldRun(key, DIRECTORY_LEASE_MS))) continue;
    try {
      await withinWorkspace(day.workspaceId, () => source.sync(day.workspaceId, signal));
      await coordinator.onComplete(key);
      runs.synced.push(day);
    } catch (error) {
      // Given back, so that the next tick (here or on another instance) syncs that day after all.
      await coordinator.release(key);
      runs.failed.push({ ...day, error });
    }
  }
  return runs;
}

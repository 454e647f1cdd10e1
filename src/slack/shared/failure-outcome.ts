import { CommitOutcomeUnknownError } from "../../db/database.ts";
import { findRecordedChange } from "../../licensing/audit/find-recorded-change.ts";
import type { Catalog } from "../copy/en.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { describeError } from "./logger.ts";

/** What a failed piece of work left behind: nothing, its change, or nobody can tell yet. */
export type FailureOutcome = "not_applied" | "applied" | "unknown";

export interface FailedWork {
  workspaceId: string;
  /** The id its audit rows carry: the delivery's trigger id, view id or action time. */
  requestId: string;
  /** When the work began: its audit rows are not older. */
  startedAt: Date;
  /** For work that changes several people one transaction each: the one that failed. */
  personId?: string;
}

/** Lookups after a lost commit, spread over a few seconds: the database may be coming back. */
const LOOKUP_DELAYS_MS = [0, 500, 1500];
/** Audit times come from the app's clock, which other instances may read a little differently. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Whether a failure left a change behind. Only a connection lost while committing leaves that in
 * doubt; then the change is looked up by its request id, which its audit rows carry from the same
 * transaction.
 */
export async function failureOutcome(
  deps: Pick<SlackDeps, "db" | "logger">,
  work: FailedWork,
  error: unknown,
): Promise<FailureOutcome> {
  if (!isCommitOutcomeUnknown(error)) return "not_applied";
  for (const delay of LOOKUP_DELAYS_MS) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const recorded = await findRecordedChange(deps.db, {
        workspaceId: work.workspaceId,
        requestId: work.requestId,
        since: new Date(work.startedAt.getTime() - CLOCK_MARGIN_MS),
        ...(work.personId ? { personId: work.personId } : {}),
      });
      return recorded.length > 0 ? "applied" : "not_applied";
    } catch (lookupError) {
      deps.logger.warn("looking up a change whose commit was cut short failed", {
        ...describeError(lookupError),
        workspaceId: work.workspaceId,
        requestId: work.requestId,
      });
    }
  }
  return "unknown";
}

function isCommitOutcomeUnknown(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof CommitOutcomeUnknownError) return true;
  }
  return false;
}

/** What to tell the person about a failure that left `outcome` behind, in their words. */
export function failureText(t: Catalog, outcome: FailureOutcome): string {
  const words = {
    not_applied: "error.unexpected",
    applied: "failure.applied",
    unknown: "failure.unknown",
  } as const;
  return t[words[outcome]]();
}

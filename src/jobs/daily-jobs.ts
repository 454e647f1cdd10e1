import type { Database } from "../db/client.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { inTransaction, type Tx } from "../licensing/outcome.ts";
import { decideLowSeatReports } from "../licensing/reminders/decide-low-seat-reports.ts";
import { decideMailboxWarnings } from "../licensing/reminders/decide-mailbox-warnings.ts";
import { decideRequestReminders } from "../licensing/reminders/decide-request-reminders.ts";
import { decideRestoreReminders } from "../licensing/reminders/decide-restore-reminders.ts";
import { expireRequestsAndTell } from "../licensing/reminders/expire-requests-and-tell.ts";
import { lockMailboxesAndReport } from "../licensing/reminders/lock-mailboxes-and-report.ts";
import { purgeAndReport } from "../licensing/reminders/purge-and-report.ts";

export interface DailyJobInput {
  workspaceId: string;
  approvalsChannel?: string | undefined;
}

/**
 * The daily work, in order. Each job derives what is due from the state as of `at` ("due and not
 * yet done"), decides it and queues its messages in one transaction: a run that stops midway leaves
 * the rest to the next, and running again does nothing twice.
 */
export const dailyJobs: readonly {
  name: string;
  run: (tx: Tx, at: Date, input: DailyJobInput) => Promise<number>;
}[] = [
  { name: "purge_windows", run: purgeAndReport },
  { name: "restore_reminders", run: decideRestoreReminders },
  { name: "lock_mailboxes", run: lockMailboxesAndReport },
  { name: "mailbox_warnings", run: decideMailboxWarnings },
  { name: "expire_requests", run: expireRequestsAndTell },
  { name: "request_reminders", run: decideRequestReminders },
  { name: "low_seats", run: decideLowSeatReports },
];

/**
 * Runs every daily job for one workspace as of `at`, with only that workspace's rows in reach;
 * returns how many things each decided.
 */
export function runDailyJobs(db: Database, at: Date, input: DailyJobInput): Promise<Record<string, number>> {
  return withinWorkspace(input.workspaceId, async () => {
    const done: Record<string, number> = {};
    for (const job of dailyJobs) {
      done[job.name] = await inTransaction(db, (tx) => job.run(tx, at, input));
    }
    return done;
  });
}

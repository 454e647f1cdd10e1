import { and, eq, gte, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";

/** Audit rows that record an attempt refused, not a change made. */
const NOT_CHANGES = ["refused", "request.decision_refused"];

export interface RecordedChange {
  action: string;
  targetType: string;
  targetId: string;
}

/**
 * The changes recorded under a request id (a Slack delivery's key) since `since`. Every change
 * writes its audit rows in its own transaction, so after a commit whose outcome was lost, rows
 * here mean it was applied, and none mean it was not. `personId` narrows it to the changes about
 * one person, for a request that changes several in transactions of their own.
 */
export async function findRecordedChange(
  db: Database,
  input: { workspaceId: string; requestId: string; since: Date; personId?: string },
): Promise<RecordedChange[]> {
  const aboutPerson = input.personId
    ? sql`${input.personId} in (${auditLog.after}->'person'->>'id', ${auditLog.before}->'person'->>'id')`
    : undefined;
  return db
    .select({ action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, input.workspaceId),
        gte(auditLog.at, input.since),
        eq(auditLog.requestId, input.requestId),
        notInArray(auditLog.action, NOT_CHANGES),
        aboutPerson,
      ),
    )
    .limit(100);
}

import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type AuditSource, auditLog } from "../../db/schema/index.ts";
import { type AuditNames, loadAuditNames } from "./audit-names.ts";

/** Where a page ends: the (at, id) of its last row; the next page starts strictly after it. */
export interface AuditCursor {
  at: Date;
  id: number;
}

export interface AuditEntryView {
  id: number;
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  source: AuditSource;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** The people, products, requests and mailboxes the entries point at, by id. */
  names: AuditNames;
  /** Null on the last page. */
  next: AuditCursor | null;
}

/** A person's own record: what they did, and what was done to them or their licenses. */
export interface AuditPersonFilter {
  personId: string;
  slackUserId: string;
}

export const AUDIT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * Rule 11: the latest changes, newest first, a page at a time. Keyset pagination on (at, id), so
 * a page costs the same however deep it is and rows written meanwhile neither repeat nor vanish.
 */
export async function listAudit(
  db: Database,
  input: { workspaceId: string; person?: AuditPersonFilter; after?: AuditCursor; limit?: number },
): Promise<AuditPage> {
  const limit = Math.min(Math.max(1, input.limit ?? AUDIT_PAGE_SIZE), MAX_PAGE_SIZE);
  const conditions: SQL[] = [eq(auditLog.workspaceId, input.workspaceId)];
  if (input.after) {
    conditions.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (${input.after.at.toISOString()}::timestamptz, ${input.after.id})`,
    );
  }
  if (input.person) conditions.push(concerns(input.person));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
      source: auditLog.source,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  const names = await loadAuditNames(db, input.workspaceId, entries);
  return { entries, names, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

function concerns(person: AuditPersonFilter): SQL {
  return or(
    eq(auditLog.actor, person.slackUserId),
    and(eq(auditLog.targetType, "person"), eq(auditLog.targetId, person.personId)),
    sql`${auditLog.before} -> 'person' ->> 'id' = ${person.personId}`,
    sql`${auditLog.after} -> 'person' ->> 'id' = ${person.personId}`,
  ) as SQL;
}

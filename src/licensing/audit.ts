import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "./actor.ts";
import type { Tx } from "./outcome.ts";

export interface AuditEntry {
  /** Only for changes that span workspaces (jobs); otherwise the call's workspace. */
  workspaceId?: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The INSERT of audit rows, each column travelling as one array parameter: one statement for one
 * row or for ten thousand. `onlyIf` lets a combined statement write them only when its change
 * happened.
 */
export function auditInsert(
  workspaceId: string | null,
  actor: Actor,
  at: Date,
  entries: AuditEntry[],
  onlyIf: SQL = sql`true`,
): SQL {
  const column = (pick: (e: AuditEntry) => string | null) => sql.param(entries.map(pick));
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return sql`
    insert into audit_log (workspace_id, at, actor, source, request_id, action, target_type, target_id, before, after)
    select e.workspace_id, ${at.toISOString()}, ${actor.userId}, ${actor.source}, ${actor.requestId ?? null},
      e.action, e.target_type, e.target_id, e.before::jsonb, e.after::jsonb
    from unnest(${column((e) => e.workspaceId ?? workspaceId)}::text[], ${column((e) => e.action)}::text[],
      ${column((e) => e.targetType)}::text[], ${column((e) => e.targetId)}::text[],
      ${column((e) => json(e.before))}::text[], ${column((e) => json(e.after))}::text[])
      as e(workspace_id, action, target_type, target_id, before, after)
    where ${onlyIf}`;
}

/** Written inside the transaction that makes the change, so a change never lacks its record. */
export async function writeAudit(
  tx: Tx,
  workspaceId: string | null,
  actor: Actor,
  at: Date,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(auditInsert(workspaceId, actor, at, entries));
}

import { auditLog, type NewAuditRow } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import type { Tx } from "./outcome.ts";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

export function auditRow(workspaceId: string, actor: Actor, at: Date, entry: AuditEntry): NewAuditRow {
  return {
    workspaceId,
    at,
    actor: actor.userId,
    source: actor.source,
    requestId: actor.requestId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** Written inside the transaction that makes the change, so a change never lacks its record. */
export async function writeAudit(
  tx: Tx,
  workspaceId: string,
  actor: Actor,
  at: Date,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(entries.map((entry) => auditRow(workspaceId, actor, at, entry)));
}

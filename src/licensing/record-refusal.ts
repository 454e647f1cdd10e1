import type { Database } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { type AuditEntry, writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { inTransaction } from "./outcome.ts";

export interface Attempt {
  workspaceId: string;
  actor: Actor;
  attempted: string;
  targetType: string;
  targetId: string;
}

/** The audit row of a refused attempt, the same for every entry point that refuses. */
export function refusalEntry(attempt: Attempt, reason: string): AuditEntry {
  return {
    action: "refused",
    targetType: attempt.targetType,
    targetId: attempt.targetId,
    after: { attempted: attempt.attempted, reason },
  };
}

/** A refused attempt changes nothing, but it is on the record: who tried what, through what. */
export function recordRefusal(
  db: Database,
  clock: Clock,
  input: Attempt & { reason: string },
): Promise<void> {
  return inTransaction(db, (tx) =>
    writeAudit(tx, input.workspaceId, input.actor, clock.now(), [refusalEntry(input, input.reason)]),
  );
}

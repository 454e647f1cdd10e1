import type { Database } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { inTransaction } from "./outcome.ts";

/** A refused attempt changes nothing, but it is on the record: who tried what, through what. */
export function recordRefusal(
  db: Database,
  clock: Clock,
  input: {
    workspaceId: string;
    actor: Actor;
    attempted: string;
    targetType: string;
    targetId: string;
    reason: string;
  },
): Promise<void> {
  return inTransaction(db, (tx) =>
    writeAudit(tx, input.workspaceId, input.actor, clock.now(), [
      {
        action: "refused",
        targetType: input.targetType,
        targetId: input.targetId,
        after: { attempted: input.attempted, reason: input.reason },
      },
    ]),
  );
}

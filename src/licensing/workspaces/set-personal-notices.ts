import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, inTransaction } from "../outcome.ts";

export type SetPersonalNoticesOutcome = { ok: true; before: boolean; on: boolean } | Failure<"NOT_ALLOWED">;

/**
 * Turns the people's own notices (rule 12) on or off for the workspace: while off, nobody is told
 * by direct message what they got or lost. Admins only (rule 10); the change is on the record.
 */
export function setPersonalNotices(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; on: boolean; actor: Actor },
): Promise<SetPersonalNoticesOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-personal-notices",
      targetType: "workspace",
      targetId: input.workspaceId,
    });
    if (refused) return refused;
    const where = eq(workspaces.id, input.workspaceId);
    const [current] = await tx
      .select({ before: workspaces.personalNotices })
      .from(workspaces)
      .where(where)
      .for("update");
    if (!current) throw new Error(`workspace ${input.workspaceId} is not recorded`);
    await tx.update(workspaces).set({ personalNotices: input.on }).where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "workspace.personal_notices_set",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: { personalNotices: current.before },
        after: { personalNotices: input.on },
      },
    ]);
    return { ok: true as const, before: current.before, on: input.on };
  });
}

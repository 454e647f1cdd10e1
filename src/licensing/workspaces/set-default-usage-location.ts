import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction } from "../outcome.ts";
import { normalizeUsageLocation } from "../usage-location.ts";

export type SetDefaultUsageLocationOutcome =
  | { ok: true; before: string | null; usageLocation: string }
  | Failure<"NOT_ALLOWED" | "INVALID_USAGE_LOCATION">;

/**
 * Sets the workspace's default usage location (rule 4): a person without a location of their own
 * is read as being there, so assigning, bulk changes and the defaults on joining work from day one.
 */
export function setDefaultUsageLocation(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; usageLocation: string; actor: Actor },
): Promise<SetDefaultUsageLocationOutcome> {
  const code = normalizeUsageLocation(input.usageLocation);
  if (!code) return Promise.resolve(fail("INVALID_USAGE_LOCATION", { input: input.usageLocation }));
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-default-usage-location",
      targetType: "workspace",
      targetId: input.workspaceId,
    });
    if (refused) return refused;
    const where = eq(workspaces.id, input.workspaceId);
    const [current] = await tx
      .select({ before: workspaces.defaultUsageLocation })
      .from(workspaces)
      .where(where)
      .for("update");
    if (!current) throw new Error(`workspace ${input.workspaceId} is not recorded`);
    await tx.update(workspaces).set({ defaultUsageLocation: code }).where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "workspace.default_usage_location_set",
        targetType: "workspace",
        targetId: input.workspaceId,
        before: { defaultUsageLocation: current.before },
        after: { defaultUsageLocation: code },
      },
    ]);
    return { ok: true as const, before: current.before, usageLocation: code };
  });
}

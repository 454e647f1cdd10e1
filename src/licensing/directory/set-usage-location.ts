import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";
import { normalizeUsageLocation } from "../usage-location.ts";

export type SetUsageLocationOutcome =
  | { ok: true; before: string | null; usageLocation: string }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON">
  | Failure<"INVALID_USAGE_LOCATION">;

/**
 * Sets where a person uses the services (rule 4). Services already on stay on; the location
 * decides what the next assignment turns on.
 */
export function setUsageLocation(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; usageLocation: string; actor: Actor },
): Promise<SetUsageLocationOutcome> {
  const code = normalizeUsageLocation(input.usageLocation);
  if (!code) return Promise.resolve(fail("INVALID_USAGE_LOCATION", { input: input.usageLocation }));
  if (!isUuid(input.personId)) return Promise.resolve(fail("UNKNOWN_PERSON"));
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-usage-location",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    const where = and(eq(people.workspaceId, input.workspaceId), eq(people.id, input.personId));
    const [current] = await tx
      .select({ before: people.usageLocation })
      .from(people)
      .where(where)
      .for("update");
    if (!current) return fail("UNKNOWN_PERSON");
    await tx.update(people).set({ usageLocation: code }).where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "person.usage_location_set",
        targetType: "person",
        targetId: input.personId,
        before: { usageLocation: current.before },
        after: { usageLocation: code },
      },
    ]);
    return { ok: true as const, before: current.before, usageLocation: code };
  });
}

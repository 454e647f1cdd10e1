import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { getPersonLicenses, type PersonLicenses } from "../get-person-licenses.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction } from "../outcome.ts";

export type PersonReactivatedOutcome =
  | { ok: true; personId: string; openWindows: PersonLicenses["openWindows"] }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON">;

/**
 * A returning person is active again. Licenses are not handed back by themselves: the result lists
 * the restore windows still open, for an admin to restore (assigning again inside a window).
 */
export async function personReactivated(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; slackUserId: string; actor: Actor },
): Promise<PersonReactivatedOutcome> {
  const now = clock.now();
  const changed = await inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "person-reactivated",
      targetType: "person",
      targetId: input.slackUserId,
    });
    if (refused) return refused;
    const where = and(eq(people.workspaceId, input.workspaceId), eq(people.slackUserId, input.slackUserId));
    const [person] = await tx
      .select({ id: people.id, active: people.active })
      .from(people)
      .where(where)
      .for("update");
    if (!person) return fail("UNKNOWN_PERSON");
    if (person.active) return { ok: true as const, personId: person.id };
    await tx.update(people).set({ active: true }).where(where);
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      { action: "person.reactivated", targetType: "person", targetId: person.id, after: { active: true } },
    ]);
    return { ok: true as const, personId: person.id };
  });
  if (!changed.ok) return changed;
  const licenses = await getPersonLicenses(db, clock, {
    workspaceId: input.workspaceId,
    personId: changed.personId,
  });
  return { ok: true, personId: changed.personId, openWindows: licenses.ok ? licenses.openWindows : [] };
}

import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";

export type SetGrantedAdminOutcome =
  | { ok: true; personId: string; granted: boolean; changed: boolean; stillAdminBySlack: boolean }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON">;

/**
 * Rule 10: admins may give the license-admin right to others, and take it back. The right Slack
 * gives workspace admins and owners is Slack's to take, not this app's.
 */
export function setGrantedAdmin(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; granted: boolean; actor: Actor },
): Promise<SetGrantedAdminOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-granted-admin",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    if (!isUuid(input.personId)) return fail("UNKNOWN_PERSON");
    const where = and(eq(people.workspaceId, input.workspaceId), eq(people.id, input.personId));
    const [person] = await tx
      .select({ granted: people.isGrantedAdmin, bySlack: people.isSlackAdmin })
      .from(people)
      .where(where)
      .for("update");
    if (!person) return fail("UNKNOWN_PERSON");
    const changed = person.granted !== input.granted;
    if (changed) {
      await tx
        .update(people)
        .set({ isGrantedAdmin: input.granted, adminGrantedBy: input.granted ? input.actor.userId : null })
        .where(where);
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: input.granted ? "admin.granted" : "admin.revoked",
          targetType: "person",
          targetId: input.personId,
          before: { grantedAdmin: person.granted },
          after: { grantedAdmin: input.granted },
        },
      ]);
    }
    return {
      ok: true as const,
      personId: input.personId,
      granted: input.granted,
      changed,
      stillAdminBySlack: person.bySlack,
    };
  });
}

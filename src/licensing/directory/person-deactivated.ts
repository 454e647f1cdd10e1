import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { adminNotifications, people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import { loadBulkState } from "../bulk/bulk-state.ts";
import { loadRemovalWarnings } from "../bulk/data-at-risk.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction } from "../outcome.ts";
import type { RemovalWarning } from "../removal-warning.ts";
import { withWindowIds, writeLicenseChanges } from "../write-license-changes.ts";

export type PersonDeactivatedOutcome =
  | { ok: true; personId: string; removed: RemovalWarning[]; alreadyInactive: boolean }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON">;

/**
 * Offboarding: a deactivated person's licenses are all removed, their seats freed, and their data
 * kept in restore windows (rule 6); the admins are told what is at risk and until when.
 * Idempotent: a second deactivation finds nothing left to remove.
 */
export function personDeactivated(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; slackUserId: string; actor: Actor },
): Promise<PersonDeactivatedOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "person-deactivated",
      targetType: "person",
      targetId: input.slackUserId,
    });
    if (refused) return refused;
    const [person] = await tx
      .select({ id: people.id, active: people.active })
      .from(people)
      .where(and(eq(people.workspaceId, input.workspaceId), eq(people.slackUserId, input.slackUserId)))
      .for("update");
    if (!person) return fail("UNKNOWN_PERSON");
    if (person.active) await tx.update(people).set({ active: false }).where(eq(people.id, person.id));

    const state = await loadBulkState(tx, {
      workspaceId: input.workspaceId,
      personIds: [person.id],
      lock: true,
    });
    const removals = [...(state.held.get(person.id) ?? [])].map((productId) => ({
      personId: person.id,
      productId,
    }));
    const warnings = await loadRemovalWarnings(
      tx,
      { ...state, workspaceId: input.workspaceId },
      { removals, additions: [] },
      now,
    );
    if (removals.length > 0) {
      await writeLicenseChanges(tx, now, input.actor, {
        workspaceId: input.workspaceId,
        restoreWindowDays: state.restoreWindowDays,
        removals: withWindowIds(removals),
        additions: [],
      });
      await tx.insert(adminNotifications).values({
        workspaceId: input.workspaceId,
        kind: "offboarded_data_at_risk",
        payload: { personId: person.id, warnings },
        createdAt: now,
      });
    }
    if (person.active || removals.length > 0) {
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: "person.deactivated",
          targetType: "person",
          targetId: person.id,
          before: { active: person.active, products: warnings.map((w) => w.product.key) },
          after: { active: false, products: [], goneForGoodAt: warnings[0]?.goneForGoodAt ?? null },
        },
      ]);
    }
    return { ok: true as const, personId: person.id, removed: warnings, alreadyInactive: !person.active };
  });
}

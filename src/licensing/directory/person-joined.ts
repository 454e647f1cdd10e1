import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { adminNotifications, people, products } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import { loadBulkState, windowsOf } from "../bulk/bulk-state.ts";
import { type ProductRef, planBulkChange } from "../bulk/plan-bulk-change.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { queuePersonalNotices } from "../outbox/queue-personal-notices.ts";
import { type Failure, inTransaction } from "../outcome.ts";
import { writeLicenseChanges } from "../write-license-changes.ts";
import type { DirectoryPerson } from "./upsert-people.ts";
import { upsertPeople } from "./upsert-people.ts";

export type PersonJoinedOutcome = PersonJoined | Failure<"NOT_ALLOWED">;

type PersonJoined = {
  ok: true;
  personId: string;
  /**
   * assigned: every default product was assigned. already_handled: this join was seen before.
   * no_defaults: nothing is marked as default. admins_notified: the defaults could not all be
   * assigned, so none were, and a notification for the admins was recorded.
   */
  outcome: "assigned" | "already_handled" | "no_defaults" | "admins_notified";
  assigned: ProductRef[];
};

/**
 * Rule 2: a new member gets every default product, all or nothing. Idempotent per person: the
 * join is marked handled in the same transaction, so a redelivered event does nothing.
 */
export function personJoined(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; person: DirectoryPerson; actor: Actor },
): Promise<PersonJoinedOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx): Promise<PersonJoinedOutcome> => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "person-joined",
      targetType: "person",
      targetId: input.person.slackUserId,
    });
    if (refused) return refused;
    const [row] = await upsertPeople(tx, { workspaceId: input.workspaceId, people: [input.person] });
    if (!row) throw new Error("person upsert returned no row");
    const personId = row.id;
    const result = (outcome: PersonJoined["outcome"], assigned: ProductRef[] = []) => ({
      ok: true as const,
      personId,
      outcome,
      assigned,
    });
    const [first] = await tx
      .update(people)
      .set({ onboardedAt: now })
      .where(and(eq(people.id, personId), isNull(people.onboardedAt)))
      .returning({ id: people.id });
    if (!first) return result("already_handled");

    const defaults = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.workspaceId, input.workspaceId), eq(products.isDefault, true)));
    if (defaults.length === 0) return result("no_defaults");

    const state = await loadBulkState(tx, {
      workspaceId: input.workspaceId,
      personIds: [personId],
      lock: true,
    });
    const plan = planBulkChange(state, {
      personIds: [personId],
      add: defaults.map((d) => d.id),
      mode: "add",
    });
    const person = { id: personId, name: input.person.name, slackUserId: input.person.slackUserId };
    if ("ok" in plan || plan.products.some((p) => p.missing > 0)) {
      const reason =
        "ok" in plan
          ? { code: plan.code }
          : {
              code: "NO_SEATS_LEFT",
              shortfalls: plan.products
                .filter((p) => p.missing > 0)
                .map((p) => ({ product: p.product, missing: p.missing })),
            };
      await tx.insert(adminNotifications).values({
        workspaceId: input.workspaceId,
        kind: "defaults_not_assigned",
        payload: { person, reason },
        createdAt: now,
      });
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        { action: "person.defaults_not_assigned", targetType: "person", targetId: personId, after: reason },
      ]);
      return result("admins_notified");
    }

    const added = plan.people[0]?.added ?? [];
    const written = await writeLicenseChanges(tx, now, input.actor, {
      workspaceId: input.workspaceId,
      restoreWindowDays: state.restoreWindowDays,
      removals: [],
      additions: plan.additions,
      openWindows: windowsOf(state, new Set([personId])),
      audit: [
        {
          action: "person.defaults_assigned",
          targetType: "person",
          targetId: personId,
          after: { products: added.map((p) => p.key), skipped: plan.people[0]?.skipped ?? [] },
        },
      ],
    });
    await queuePersonalNotices(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      written,
      joined: true,
    });
    return result("assigned", added);
  });
}

import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { nonUserMailboxes, products } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { abort, type Failure, fail, inTransaction, isUuid } from "../outcome.ts";

export type LicenseMailboxOutcome =
  | { ok: true; mailboxId: string }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_MAILBOX" | "UNKNOWN_PRODUCT" | "ALREADY_ASSIGNED" | "NO_SEATS_LEFT">;

/**
 * Rule 8: a license on an over-quota mailbox avoids (or lifts) the lock. It takes a seat of the
 * product like any assignment, so the product's count covers people and mailboxes.
 */
export function licenseMailbox(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; mailboxId: string; productId: string; actor: Actor },
): Promise<LicenseMailboxOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "license-mailbox",
      targetType: "non_user_mailbox",
      targetId: input.mailboxId,
    });
    if (refused) return refused;
    if (!isUuid(input.mailboxId)) return fail("UNKNOWN_MAILBOX");
    if (!isUuid(input.productId)) return fail("UNKNOWN_PRODUCT");
    const [mailbox] = await tx
      .select()
      .from(nonUserMailboxes)
      .where(
        and(eq(nonUserMailboxes.workspaceId, input.workspaceId), eq(nonUserMailboxes.id, input.mailboxId)),
      )
      .for("update");
    if (!mailbox) return fail("UNKNOWN_MAILBOX");
    if (mailbox.licensedProductId) return fail("ALREADY_ASSIGNED");
    const [seat] = await tx
      .update(products)
      .set({ assignedSeats: sql`${products.assignedSeats} + 1` })
      .where(
        and(
          eq(products.workspaceId, input.workspaceId),
          eq(products.id, input.productId),
          lt(products.assignedSeats, products.purchasedSeats),
        ),
      )
      .returning({ key: products.key });
    if (!seat) {
      const [exists] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.workspaceId, input.workspaceId), eq(products.id, input.productId)));
      abort(fail(exists ? "NO_SEATS_LEFT" : "UNKNOWN_PRODUCT"));
    }
    await tx
      .update(nonUserMailboxes)
      .set({ licensedProductId: input.productId, overQuotaSince: null, lockAt: null, lockedAt: null })
      .where(eq(nonUserMailboxes.id, mailbox.id));
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "mailbox.licensed",
        targetType: "non_user_mailbox",
        targetId: mailbox.id,
        before: { licensed: false, lockAt: mailbox.lockAt, lockedAt: mailbox.lockedAt },
        after: { licensed: true, product: seat.key },
      },
    ]);
    return { ok: true as const, mailboxId: mailbox.id };
  });
}

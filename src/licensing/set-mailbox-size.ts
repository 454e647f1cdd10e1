import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { productServices, serviceData, services } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { refuseUnlessAdministers } from "./may-administer.ts";
import { type Failure, fail, inTransaction, isUuid } from "./outcome.ts";

export type SetMailboxSizeOutcome = { ok: true; before: number } | Failure<"NOT_ALLOWED" | "NO_MAILBOX">;

/** Records a person's mailbox size as Exchange reports it; the data-loss warning names it. */
export function setMailboxSize(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; productId: string; sizeMb: number; actor: Actor },
): Promise<SetMailboxSizeOutcome> {
  if (
    !isUuid(input.personId) ||
    !isUuid(input.productId) ||
    !Number.isInteger(input.sizeMb) ||
    input.sizeMb < 0
  ) {
    return Promise.resolve(fail("NO_MAILBOX"));
  }
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-mailbox-size",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    const [mailbox] = await tx
      .select({ serviceId: serviceData.serviceId, before: serviceData.mailboxSizeMb })
      .from(serviceData)
      .innerJoin(services, eq(services.id, serviceData.serviceId))
      .innerJoin(productServices, eq(productServices.serviceId, serviceData.serviceId))
      .where(
        and(
          eq(serviceData.workspaceId, input.workspaceId),
          eq(serviceData.personId, input.personId),
          eq(productServices.productId, input.productId),
          eq(services.kind, "mailbox"),
        ),
      )
      .for("update", { of: serviceData });
    if (!mailbox) return fail("NO_MAILBOX");
    await tx
      .update(serviceData)
      .set({ mailboxSizeMb: sql`${input.sizeMb}` })
      .where(and(eq(serviceData.personId, input.personId), eq(serviceData.serviceId, mailbox.serviceId)));
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "mailbox.size_recorded",
        targetType: "service_data",
        targetId: `${input.personId}/${mailbox.serviceId}`,
        before: { sizeMb: mailbox.before },
        after: { sizeMb: input.sizeMb },
      },
    ]);
    return { ok: true as const, before: mailbox.before ?? 0 };
  });
}

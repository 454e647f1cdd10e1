import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { licenseRequests, people, products } from "../../db/schema/index.ts";
import { systemActor } from "../actor.ts";
import { enqueueNotices } from "../outbox/enqueue.ts";
import type { Tx } from "../outcome.ts";
import { expireRequestsInTransaction } from "../requests/expire-requests.ts";

/** Requests past their expiry (30 days) expire; each requester is told by direct message. */
export async function expireRequestsAndTell(
  tx: Tx,
  now: Date,
  input: { workspaceId: string },
): Promise<number> {
  const expired = await expireRequestsInTransaction(tx, now, {
    workspaceId: input.workspaceId,
    actor: systemActor("job"),
  });
  if (expired.length === 0) return 0;
  const requester = alias(people, "requester");
  const details = await tx
    .select({
      requestId: licenseRequests.id,
      createdAt: licenseRequests.createdAt,
      requesterSlackId: requester.slackUserId,
      person: people.name,
      product: products.name,
    })
    .from(licenseRequests)
    .innerJoin(requester, eq(requester.id, licenseRequests.requesterId))
    .innerJoin(people, eq(people.id, licenseRequests.personId))
    .innerJoin(products, eq(products.id, licenseRequests.productId))
    .where(
      inArray(
        licenseRequests.id,
        expired.map((e) => e.requestId),
      ),
    );
  await enqueueNotices(
    tx,
    now,
    details.map((d) => ({
      workspaceId: input.workspaceId,
      dedupeKey: `request_expired:${d.requestId}`,
      channel: d.requesterSlackId,
      notice: {
        kind: "request_expired",
        requestId: d.requestId,
        person: d.person,
        product: d.product,
        createdAt: d.createdAt.toISOString(),
      },
    })),
  );
  return expired.length;
}

import { and, eq, lte, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { licenseRequests } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { inTransaction, type Tx } from "../outcome.ts";

export interface ExpiredRequest {
  requestId: string;
  workspaceId: string;
  requesterId: string;
  personId: string;
  productId: string;
}

/** Requests left pending past their expiry date (30 days by default) expire; idempotent. */
export function expireRequests(
  db: Database,
  clock: Clock,
  input: { workspaceId?: string; actor: Actor },
): Promise<{ ok: true; expired: ExpiredRequest[] }> {
  const now = clock.now();
  return inTransaction(db, async (tx) => ({
    ok: true as const,
    expired: await expireRequestsInTransaction(tx, now, input),
  }));
}

export async function expireRequestsInTransaction(
  tx: Tx,
  now: Date,
  input: { workspaceId?: string | undefined; actor: Actor },
): Promise<ExpiredRequest[]> {
  const conditions: SQL[] = [eq(licenseRequests.status, "pending"), lte(licenseRequests.expiresAt, now)];
  if (input.workspaceId) conditions.push(eq(licenseRequests.workspaceId, input.workspaceId));
  const expired = await tx
    .update(licenseRequests)
    .set({ status: "expired", decidedAt: now })
    .where(and(...conditions))
    .returning({
      requestId: licenseRequests.id,
      workspaceId: licenseRequests.workspaceId,
      requesterId: licenseRequests.requesterId,
      personId: licenseRequests.personId,
      productId: licenseRequests.productId,
    });
  await writeAudit(
    tx,
    null,
    input.actor,
    now,
    expired.map((e) => ({
      workspaceId: e.workspaceId,
      action: "request.expired",
      targetType: "license_request",
      targetId: e.requestId,
      before: { status: "pending" },
      after: { status: "expired" },
    })),
  );
  return expired;
}

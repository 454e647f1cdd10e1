import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { licenseRequests } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { loadActingPerson } from "../directory/acting-person.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";

export type CancelRequestOutcome =
  | { ok: true; requestId: string }
  | Failure<"UNKNOWN_REQUEST" | "NOT_ALLOWED">
  | Failure<"ALREADY_DECIDED">;

/** Only the requester may withdraw a request, and only while it is pending. */
export function cancelRequest(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; requestId: string; actor: Actor },
): Promise<CancelRequestOutcome> {
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    if (!isUuid(input.requestId)) return fail("UNKNOWN_REQUEST");
    const actor = await loadActingPerson(tx, input.workspaceId, input.actor.userId);
    const [request] = await tx
      .select({
        id: licenseRequests.id,
        status: licenseRequests.status,
        requesterId: licenseRequests.requesterId,
      })
      .from(licenseRequests)
      .where(and(eq(licenseRequests.workspaceId, input.workspaceId), eq(licenseRequests.id, input.requestId)))
      .for("update");
    if (!request) return fail("UNKNOWN_REQUEST");
    if (request.requesterId !== actor?.id) return fail("NOT_ALLOWED");
    if (request.status !== "pending") return fail("ALREADY_DECIDED", { status: request.status });
    await tx
      .update(licenseRequests)
      .set({ status: "cancelled", decidedAt: now })
      .where(eq(licenseRequests.id, request.id));
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "request.cancelled",
        targetType: "license_request",
        targetId: request.id,
        before: { status: "pending" },
        after: { status: "cancelled" },
      },
    ]);
    return { ok: true as const, requestId: request.id };
  });
}

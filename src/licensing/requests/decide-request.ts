import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { licenseRequests, people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { type AssignProductOutcome, assignInTransaction } from "../assign-product.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { loadActingPerson } from "../directory/acting-person.ts";
import { type Failure, fail, inTransaction, isUuid } from "../outcome.ts";
import { fitsCharacters, wellFormed } from "../text.ts";

/** A decision's note is read by the requester: the same bound as the request's reason. */
export const MAX_NOTE_LENGTH = 1000;

export type Decision = "approve" | "deny";

type Refusal =
  | Failure<"UNKNOWN_REQUEST" | "NOT_ALLOWED" | "OWN_REQUEST" | "REASON_REQUIRED" | "TEXT_TOO_LONG">
  | Failure<"ALREADY_DECIDED">;

export type DecideRequestOutcome =
  | { ok: true; requestId: string; status: "approved" | "denied"; assignment: AssignProductOutcome | null }
  /** Approval could not assign (no seat left, no usage location…): the request stays pending. */
  | (Exclude<AssignProductOutcome, { ok: true }> & { requestStillPending: true })
  | Refusal;

/**
 * An admin approves or denies a pending request. Exactly one decision wins: the request row is
 * locked, and a second decider learns who decided and how. Approving assigns in the same
 * transaction. Refused attempts (not an admin, the requester, already decided) are audited.
 */
export async function decideRequest(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; requestId: string; decision: Decision; note?: string; actor: Actor },
): Promise<DecideRequestOutcome> {
  const now = clock.now();
  const note = wellFormed(input.note ?? "").trim();
  const outcome = await inTransaction(
    db,
    async (tx): Promise<DecideRequestOutcome | AssignProductOutcome> => {
      if (!isUuid(input.requestId)) return fail("UNKNOWN_REQUEST");
      // Refused with the limit, never cut: the requester reads every word of it.
      if (!fitsCharacters(note, MAX_NOTE_LENGTH))
        return fail("TEXT_TOO_LONG", { field: "note", max: MAX_NOTE_LENGTH });
      const decider = await loadActingPerson(tx, input.workspaceId, input.actor.userId);
      if (!decider?.isAdmin) return fail("NOT_ALLOWED");
      const [request] = await tx
        .select({
          id: licenseRequests.id,
          status: licenseRequests.status,
          requesterId: licenseRequests.requesterId,
          personId: licenseRequests.personId,
          productId: licenseRequests.productId,
          decidedAt: licenseRequests.decidedAt,
          decidedBy: licenseRequests.decidedBy,
        })
        .from(licenseRequests)
        .where(
          and(eq(licenseRequests.workspaceId, input.workspaceId), eq(licenseRequests.id, input.requestId)),
        )
        .for("update");
      if (!request) return fail("UNKNOWN_REQUEST");
      if (request.status !== "pending") {
        // A statement of its own: one joined to the locked row would see the decider as they were
        // before the lock wait, which is nobody when the other decision has just been committed.
        const [earlier] = request.decidedBy
          ? await tx
              .select({ name: people.name, slackUserId: people.slackUserId })
              .from(people)
              .where(eq(people.id, request.decidedBy))
          : [];
        return fail("ALREADY_DECIDED", {
          status: request.status,
          decidedBy: earlier ?? null,
          decidedAt: request.decidedAt,
        });
      }
      if (request.requesterId === decider.id) return fail("OWN_REQUEST");
      if (input.decision === "deny" && note === "") return fail("REASON_REQUIRED");

      let assignment: AssignProductOutcome | null = null;
      if (input.decision === "approve") {
        assignment = await assignInTransaction(
          tx,
          now,
          {
            workspaceId: input.workspaceId,
            personId: request.personId,
            productId: request.productId,
            actor: input.actor,
          },
          { requireRestore: false },
        );
        // Holding the license already satisfies the request; any other refusal leaves it pending.
        if (!assignment.ok && assignment.code !== "ALREADY_ASSIGNED") return assignment;
      }
      const status = input.decision === "approve" ? "approved" : "denied";
      await tx
        .update(licenseRequests)
        .set({ status, decidedBy: decider.id, decidedAt: now, decisionNote: note || null })
        .where(eq(licenseRequests.id, request.id));
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: `request.${status}`,
          targetType: "license_request",
          targetId: request.id,
          before: { status: "pending" },
          after: { status, note: note || null },
        },
      ]);
      return { ok: true as const, requestId: request.id, status, assignment };
    },
  );
  if (outcome.ok) return outcome as DecideRequestOutcome;
  if (AUDITED_REFUSALS.has(outcome.code)) {
    await auditRefusal(db, now, input, outcome.code);
    return outcome as Refusal;
  }
  if (outcome.code === "REASON_REQUIRED" || outcome.code === "TEXT_TOO_LONG") return outcome as Refusal;
  return { ...(outcome as Exclude<AssignProductOutcome, { ok: true }>), requestStillPending: true };
}

const AUDITED_REFUSALS = new Set<string>([
  "UNKNOWN_REQUEST",
  "NOT_ALLOWED",
  "OWN_REQUEST",
  "ALREADY_DECIDED",
]);

/** A refused decision changes nothing, but the attempt is on the record. */
async function auditRefusal(
  db: Database,
  now: Date,
  input: { workspaceId: string; requestId: string; decision: Decision; actor: Actor },
  code: string,
): Promise<void> {
  await inTransaction(db, (tx) =>
    writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "request.decision_refused",
        targetType: "license_request",
        targetId: input.requestId,
        after: { decision: input.decision, refused: code },
      },
    ]),
  );
}

import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { assignments, licenseRequests, people, products, workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import { addDays, type Clock } from "../clock.ts";
import { loadActingPerson } from "../directory/acting-person.ts";
import { administers } from "../may-administer.ts";
import { committedFailure, type Failure, fail, inTransaction, isUuid, type Tx } from "../outcome.ts";
import { refusalEntry } from "../record-refusal.ts";
import { fitsCharacters, wellFormed } from "../text.ts";

/** In characters as a person counts them: 999 letters and an emoji are 1,000. */
export const MAX_REASON_LENGTH = 1000;

export type FileRequestOutcome =
  | { ok: true; requestId: string; expiresAt: Date }
  | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT" | "PERSON_DEACTIVATED" | "ALREADY_ASSIGNED">
  | Failure<"REASON_TOO_LONG">
  | Failure<"DUPLICATE_REQUEST">
  | Failure<"REQUESTER_ADMINISTERS" | "NO_APPROVER">;

/**
 * Rule 10: anyone may ask for a license, for themselves or someone else; the request waits for
 * an admin. One pending request per person and product: asking again points to the first. The
 * reason is stored as typed, made well-formed; one over the limit is refused, never cut. An admin
 * assigns rather than asks, and a request only the requester could decide is never created: both
 * refusals are on the record.
 */
export function fileRequest(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; productId: string; personId?: string; reason: string; actor: Actor },
): Promise<FileRequestOutcome> {
  const now = clock.now();
  const reason = wellFormed(input.reason).trim();
  return inTransaction(db, async (tx) => {
    if (!fitsCharacters(reason, MAX_REASON_LENGTH))
      return fail("REASON_TOO_LONG", { max: MAX_REASON_LENGTH });
    const requester = await loadActingPerson(tx, input.workspaceId, input.actor.userId);
    if (!requester) return fail("UNKNOWN_PERSON");
    if (!requester.active) return fail("PERSON_DEACTIVATED");
    const personId = input.personId ?? requester.id;
    const refuse = async (code: "REQUESTER_ADMINISTERS" | "NO_APPROVER") => {
      const attempt = { workspaceId: input.workspaceId, actor: input.actor, attempted: "file-request" };
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        refusalEntry({ ...attempt, targetType: "person", targetId: personId }, code),
      ]);
      // An admin is told to assign it instead: the words name the product and its key.
      const product = code === "REQUESTER_ADMINISTERS" ? await productNamed(tx, input) : undefined;
      return committedFailure(fail(code, product ? { product } : {}));
    };
    if (requester.isAdmin) return refuse("REQUESTER_ADMINISTERS");
    if (!(await someoneElseAdministers(tx, input.workspaceId, requester.id))) return refuse("NO_APPROVER");
    if (!isUuid(personId)) return fail("UNKNOWN_PERSON");
    if (!isUuid(input.productId)) return fail("UNKNOWN_PRODUCT");
    const [target] = await tx
      .select({
        id: people.id,
        name: people.name,
        slackUserId: people.slackUserId,
        active: people.active,
        expiryDays: workspaces.requestExpiryDays,
      })
      .from(people)
      .innerJoin(workspaces, eq(workspaces.id, people.workspaceId))
      .where(and(eq(people.workspaceId, input.workspaceId), eq(people.id, personId)));
    if (!target) return fail("UNKNOWN_PERSON");
    const person = { id: target.id, name: target.name, slackUserId: target.slackUserId };
    if (!target.active) return fail("PERSON_DEACTIVATED", { people: [person] });
    const [product] = await tx
      .select({ id: products.id, key: products.key, name: products.name })
      .from(products)
      .where(and(eq(products.workspaceId, input.workspaceId), eq(products.id, input.productId)));
    if (!product) return fail("UNKNOWN_PRODUCT");
    const [holds] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.personId, personId), eq(assignments.productId, input.productId)));
    const about = { person, product };
    if (holds) return fail("ALREADY_ASSIGNED", about);

    const expiresAt = addDays(now, target.expiryDays);
    const [created] = await tx
      .insert(licenseRequests)
      .values({
        workspaceId: input.workspaceId,
        requesterId: requester.id,
        personId,
        productId: input.productId,
        reason,
        createdAt: now,
        expiresAt,
      })
      .onConflictDoNothing({
        target: [licenseRequests.personId, licenseRequests.productId],
        where: sql`${licenseRequests.status} = 'pending'`,
      })
      .returning({ id: licenseRequests.id });
    if (!created) {
      const [pending] = await tx
        .select({ id: licenseRequests.id })
        .from(licenseRequests)
        .where(
          and(
            eq(licenseRequests.personId, personId),
            eq(licenseRequests.productId, input.productId),
            eq(licenseRequests.status, "pending"),
          ),
        );
      return fail("DUPLICATE_REQUEST", { ...about, requestId: pending?.id ?? "" });
    }
    await writeAudit(tx, input.workspaceId, input.actor, now, [
      {
        action: "request.filed",
        targetType: "license_request",
        targetId: created.id,
        after: { personId, productId: input.productId, reason, expiresAt },
      },
    ]);
    return { ok: true as const, requestId: created.id, expiresAt };
  });
}

/** Whether anyone but the requester could decide their request (an approver is never the requester). */
async function someoneElseAdministers(tx: Tx, workspaceId: string, requesterId: string): Promise<boolean> {
  const [approver] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), ne(people.id, requesterId), administers))
    .limit(1);
  return approver !== undefined;
}

/** The product a refusal names, when the id is one of this workspace's products. */
async function productNamed(tx: Tx, input: { workspaceId: string; productId: string }) {
  if (!isUuid(input.productId)) return undefined;
  const [product] = await tx
    .select({ id: products.id, key: products.key, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, input.workspaceId), eq(products.id, input.productId)));
  return product;
}

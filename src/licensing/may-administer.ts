import { and, eq, type SQL, sql } from "drizzle-orm";
import { people } from "../db/schema/index.ts";
import { type Actor, isSystemActor } from "./actor.ts";
import { writeAudit } from "./audit.ts";
import { committedFailure, type Failure, fail, type Tx } from "./outcome.ts";
import { type Attempt, refusalEntry } from "./record-refusal.ts";

/**
 * Rule 10, "who may administer licenses", over one `people` row: an active workspace admin or
 * owner (as Slack reports them), or someone an admin granted the right. The one place the rule is
 * written; every check, in SQL or through `loadActingPerson`, reads it from here.
 */
export const administers: SQL<boolean> = sql<boolean>`(${people.active} and (${people.isSlackAdmin} or ${people.isGrantedAdmin}))`;

/**
 * Whether the actor may administer the workspace, as an SQL boolean, so that a use case can fold
 * the check into a statement it already runs. System actors may; a person only as `administers`
 * says, read in the same transaction as the change.
 */
export function actorAdministers(workspaceId: string, actor: Actor): SQL<boolean> {
  if (isSystemActor(actor)) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from ${people}
    where ${and(eq(people.workspaceId, workspaceId), eq(people.slackUserId, actor.userId))} and ${administers})`;
}

/** The same decision as a statement of its own, for a use case with no statement to fold it into. */
export async function mayAdminister(tx: Tx, workspaceId: string, actor: Actor): Promise<boolean> {
  if (isSystemActor(actor)) return true;
  const [row] = await tx
    .select({ allowed: actorAdministers(workspaceId, actor) })
    .from(sql`(select 1) as one`);
  return row?.allowed === true;
}

/**
 * The refusal: its audit row written in the use case's transaction, which then commits with
 * nothing else in it. Call it before the transaction's first change.
 */
export async function refuseNotAllowed(tx: Tx, now: Date, attempt: Attempt): Promise<Failure<"NOT_ALLOWED">> {
  await writeAudit(tx, attempt.workspaceId, attempt.actor, now, [refusalEntry(attempt, "NOT_ALLOWED")]);
  return committedFailure(fail("NOT_ALLOWED"));
}

/**
 * Rule 10 at the start of a use case's transaction: null when the actor may go on, else the
 * refusal. `folded` is the decision when a statement already read it (`actorAdministers`); without
 * it, or when that statement found no row to read it with, it costs a statement of its own.
 */
export async function refuseUnlessAdministers(
  tx: Tx,
  now: Date,
  attempt: Attempt,
  folded: boolean | null = null,
): Promise<Failure<"NOT_ALLOWED"> | null> {
  const allowed = folded ?? (await mayAdminister(tx, attempt.workspaceId, attempt.actor));
  return allowed ? null : refuseNotAllowed(tx, now, attempt);
}

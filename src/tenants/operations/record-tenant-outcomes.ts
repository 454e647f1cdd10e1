import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { isSystemActor } from "../../licensing/actor.ts";
import { writeAudit } from "../../licensing/audit.ts";
import { uuidArray } from "../../licensing/bulk/pairs.ts";
import { groupBy } from "../../licensing/group-by.ts";
import { enqueueNotices } from "../../licensing/outbox/enqueue.ts";
import { queuePersonalNotices } from "../../licensing/outbox/queue-personal-notices.ts";
import { adminDirectMessages } from "../../licensing/outbox/recipients.ts";
import { inTransaction, type Tx } from "../../licensing/outcome.ts";
import { writeLicenseChanges } from "../../licensing/write-license-changes.ts";
import type { TenantRefusal } from "../tenant-port.ts";
import type { ClaimedOperation } from "./claim-tenant-operations.ts";

/** What became of one operation this pass. */
export type OperationOutcome =
  | { operation: ClaimedOperation; outcome: "applied" }
  | { operation: ClaimedOperation; outcome: "refused"; reason: TenantRefusal; message: string }
  | { operation: ClaimedOperation; outcome: "retry"; message: string };

/** The tenant could not be reached: tried again after this, doubling up to an hour. */
const retryAfterMs = (attempts: number) => Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

// A bigserial: node-postgres reads it as a string, PGlite as a number.
const settledRow = z.object({ id: z.coerce.number() });
const answerRow = z.object({
  decisionId: z.string(),
  person: z.string(),
  product: z.string(),
  action: z.enum(["add", "remove"]),
  refusal: z.string().nullable(),
  message: z.string().nullable(),
  slackUserId: z.string().nullable(),
});

/**
 * Records what the tenant answered, in one transaction: an applied change is written to License
 * Desk's record now, through the license writer, with the audit rows and the person's notice of
 * its decision (rule 13: the record never claims what the tenant does not have); a refused one
 * gives its held seat back and is audited with the tenant's reason; one the tenant could not be
 * reached for waits to be tried again. Whoever decided hears once every change of the decision
 * has its answer. An operation another relay settled meanwhile (its lease ran out) is left alone.
 */
export function recordTenantOutcomes(
  db: Database,
  now: Date,
  workspaceId: string,
  outcomes: OperationOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return Promise.resolve();
  return inTransaction(db, async (tx) => {
    const settled = new Set(await settle(tx, now, outcomes));
    const mine = outcomes.filter((o) => settled.has(o.operation.id));
    const applied = mine.filter((o) => o.outcome === "applied").map((o) => o.operation);
    for (const operations of groupBy(applied, (o) => o.decisionId).values()) {
      await writeApplied(tx, now, workspaceId, operations);
    }
    const refused = mine.filter((o) => o.outcome === "refused");
    await releaseHeldSeats(
      tx,
      workspaceId,
      refused.map((o) => o.operation),
    );
    for (const o of refused) {
      await writeAudit(tx, workspaceId, o.operation.decision.actor, now, [
        {
          action: "license.refused_by_tenant",
          targetType: "person",
          targetId: o.operation.personId,
          after: {
            productId: o.operation.productId,
            action: o.operation.action,
            reason: o.reason,
            message: o.message,
          },
        },
      ]);
    }
    const finished = [
      ...new Set(mine.filter((o) => o.outcome !== "retry").map((o) => o.operation.decisionId)),
    ];
    await tellDeciders(tx, now, workspaceId, finished, mine);
  });
}

/** Marks each operation with its outcome, if it is still pending; returns those it marked. */
async function settle(tx: Tx, now: Date, outcomes: OperationOutcome[]): Promise<number[]> {
  const rows = await queryRows(
    tx,
    sql`update tenant_operations o set
          status = case when x.outcome = 'retry' then 'pending' else x.outcome end::tenant_operation_status,
          refusal = x.reason, refusal_message = case when x.outcome = 'refused' then x.message end,
          last_error = case when x.outcome = 'retry' then x.message else o.last_error end,
          not_before = case when x.outcome = 'retry' then x.not_before else o.not_before end,
          claimed_until = null,
          finished_at = case when x.outcome = 'retry' then null else ${now}::timestamptz end
        from unnest(${sql.param(outcomes.map((o) => o.operation.id))}::bigint[],
          ${sql.param(outcomes.map((o) => o.outcome))}::text[],
          ${sql.param(outcomes.map((o) => (o.outcome === "refused" ? o.reason : null)))}::text[],
          ${sql.param(outcomes.map((o) => (o.outcome === "applied" ? null : o.message)))}::text[],
          ${sql.param(outcomes.map((o) => new Date(now.getTime() + retryAfterMs(o.operation.attempts)).toISOString()))}::timestamptz[])
          as x(id, outcome, reason, message, not_before)
        where o.id = x.id and o.status = 'pending'
        returning o.id`,
    settledRow,
  );
  return rows.map((r) => r.id);
}

/** One decision's applied operations, written as the decision would have been without a tenant. */
async function writeApplied(tx: Tx, now: Date, workspaceId: string, operations: ClaimedOperation[]) {
  const first = operations[0] as ClaimedOperation;
  const { decision } = first;
  const additions = operations.filter((o) => o.action === "add");
  const personIds = [...new Set(additions.map((o) => o.personId))];
  const [state] = await queryRows(
    tx,
    sql`select
          (select coalesce(json_agg(json_build_object('id', rw.id, 'purgeAt', rw.purge_at)), '[]')
            from (select id, purge_at from restore_windows
              where workspace_id = ${workspaceId} and person_id = any(${uuidArray(personIds)}) and status = 'open'
              for no key update) rw) as "openWindows",
          -- The decision's own audit rows go with the first of its changes the tenant applied.
          not exists (select 1 from tenant_operations t where t.decision_id = ${first.decisionId}
            and t.status = 'applied' and not (t.id = any(${sql.param(operations.map((o) => o.id))}::bigint[])))
            as "firstApplied"`,
    z.object({
      openWindows: z.array(z.object({ id: z.string(), purgeAt: z.string() })),
      firstApplied: z.boolean(),
    }),
  );
  const withAudit = state?.firstApplied === true && !decision.auditWritten;
  const written = await writeLicenseChanges(tx, now, decision.actor, {
    workspaceId,
    restoreWindowDays: decision.restoreWindowDays,
    removals: operations
      .filter((o) => o.action === "remove")
      .map((o) => ({
        personId: o.personId,
        productId: o.productId,
        windowId: o.decision.windowId ?? randomUUID(),
      })),
    additions: additions.map((o) => ({
      personId: o.personId,
      productId: o.productId,
      ...(o.decision.assignmentId ? { assignmentId: o.decision.assignmentId } : {}),
    })),
    openWindows: (state?.openWindows ?? []).map((w) => ({ id: w.id, purgeAt: new Date(w.purgeAt) })),
    ...(withAudit ? { audit: decision.audit, auditIfRestored: decision.auditIfRestored } : {}),
    fromTenant: true,
    seatsHeld: true,
  });
  await queuePersonalNotices(tx, now, { workspaceId, actor: decision.actor, written });
}

/** A refused addition never took its seat in the tenant: the one it held here is free again. */
async function releaseHeldSeats(tx: Tx, workspaceId: string, refused: ClaimedOperation[]) {
  const products = refused.filter((o) => o.action === "add").map((o) => o.productId);
  if (products.length === 0) return;
  await tx.execute(
    sql`update products p set assigned_seats = p.assigned_seats - x.n
        from (select product_id, count(*)::int as n from unnest(${uuidArray(products)}) as u(product_id)
          group by product_id) x
        where p.id = x.product_id and p.workspace_id = ${workspaceId}`,
  );
}

/**
 * Tells whoever made each finished decision what the tenant did with all of it, in one message;
 * a decision the app made (a join, an offboarding) is told to the admins only when refused.
 */
async function tellDeciders(
  tx: Tx,
  now: Date,
  workspaceId: string,
  decisionIds: string[],
  outcomes: OperationOutcome[],
) {
  if (decisionIds.length === 0) return;
  const answers = await queryRows(
    tx,
    sql`select t.decision_id as "decisionId", pe.name as person, pr.name as product, t.action::text as action,
          t.refusal, t.refusal_message as message,
          (select a.slack_user_id from people a
            where a.workspace_id = t.workspace_id and a.slack_user_id = t.decision->'actor'->>'userId') as "slackUserId"
        from tenant_operations t
        join people pe on pe.id = t.person_id
        join products pr on pr.id = t.product_id
        where t.decision_id = any(${uuidArray(decisionIds)})
          and not exists (select 1 from tenant_operations w where w.decision_id = t.decision_id and w.status = 'pending')
        order by t.id`,
    answerRow,
  );
  const admins = answers.some((a) => a.refusal !== null) ? await adminDirectMessages(tx, workspaceId) : [];
  const actorOf = new Map(outcomes.map((o) => [o.operation.decisionId, o.operation.decision.actor]));
  const notices = [...groupBy(answers, (a) => a.decisionId)].flatMap(([decisionId, rows]) => {
    const actor = actorOf.get(decisionId);
    const readers =
      actor && !isSystemActor(actor) && rows[0]?.slackUserId
        ? [rows[0].slackUserId]
        : rows.some((r) => r.refusal !== null)
          ? admins
          : [];
    return readers.map((channel) => ({
      workspaceId,
      dedupeKey: `tenant_outcome:${decisionId}:${channel}`,
      channel,
      notice: {
        kind: "tenant_outcome" as const,
        answers: rows.map(({ person, product, action, refusal, message }) => ({
          person,
          product,
          action,
          refusal,
          message,
        })),
      },
    }));
  });
  await enqueueNotices(tx, now, notices);
}

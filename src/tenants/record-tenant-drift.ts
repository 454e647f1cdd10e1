import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { dbTimestamp, queryRows } from "../db/rows.ts";
import type { Actor } from "../licensing/actor.ts";
import type { AuditEntry } from "../licensing/audit.ts";
import { loadRemovalWarnings } from "../licensing/bulk/data-at-risk.ts";
import { type Pair, pairKey, uuidArray } from "../licensing/bulk/pairs.ts";
import { queuePersonalNotices } from "../licensing/outbox/queue-personal-notices.ts";
import type { Tx } from "../licensing/outcome.ts";
import { withWindowIds, writeLicenseChanges } from "../licensing/write-license-changes.ts";
import type { MatchedMember } from "./match-tenant-people.ts";
import type { TenantLicense } from "./tenant-port.ts";

export interface DriftChange {
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
}

export interface DriftRecorded {
  added: (DriftChange & { groupId: string | null })[];
  removed: (DriftChange & { restoreWindowId: string | null; goneForGoodAt: string | null })[];
  /** Licenses whose source moved between the person and a group. */
  regrouped: number;
  /** Differences left alone because a change License Desk asked the tenant for is still pending. */
  waiting: number;
}

const productRow = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  tenantProductId: z.string(),
  purchased: z.number(),
  assigned: z.number(),
});
const heldRow = z.object({
  id: z.string(),
  personId: z.string(),
  productId: z.string(),
  fromGroupId: z.string().nullable(),
});
const pairRow = z.object({ personId: z.string(), productId: z.string() });
const windowRow = z.object({ id: z.string(), purgeAt: dbTimestamp });
const settingsRow = z.object({ restoreWindowDays: z.number() });

interface Wanted extends Pair {
  groupId: string | null;
}

/**
 * Drift (rule 13): each matched person's licenses as the tenant has them, against what License
 * Desk records for the products the tenant holds. What was added or removed outside License Desk
 * is written through the license writer as already made in the tenant, so a removal made there
 * opens the restore window (and its reminders) exactly as one made here; each change is audited
 * as made in Microsoft 365 and the person is told (rule 12). A license the person has through a
 * group records the group. A pair with a change License Desk asked the tenant for and still waits
 * on is left to that change.
 */
export async function recordTenantDrift(
  tx: Tx,
  now: Date,
  actor: Actor,
  input: {
    workspaceId: string;
    members: ReadonlyMap<string, MatchedMember>;
    /** Each member read in the tenant, with the licenses they hold there now ([] for a deleted user). */
    holdings: ReadonlyMap<string, TenantLicense[]>;
  },
): Promise<DriftRecorded> {
  const { workspaceId } = input;
  const none: DriftRecorded = { added: [], removed: [], regrouped: 0, waiting: 0 };
  const personIds = [...input.holdings.keys()];
  if (personIds.length === 0) return none;
  // Locked in id order, as a bulk change locks them: seat counts hold until commit, without deadlock.
  const products = await queryRows(
    tx,
    sql`select id, key, name, tenant_product_id as "tenantProductId", purchased_seats as purchased,
          assigned_seats as assigned
        from products where workspace_id = ${workspaceId} and tenant_product_id is not null and gone_at is null
        order by id for no key update`,
    productRow,
  );
  if (products.length === 0) return none;
  const productOf = new Map(products.map((p) => [p.tenantProductId, p]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const held = await queryRows(
    tx,
    sql`select a.id, a.person_id as "personId", a.product_id as "productId", a.from_group_id as "fromGroupId"
        from assignments a
        where a.workspace_id = ${workspaceId} and a.person_id = any(${uuidArray(personIds)})
          and a.product_id = any(${uuidArray(products.map((p) => p.id))})`,
    heldRow,
  );
  const pending = await queryRows(
    tx,
    sql`select person_id as "personId", product_id as "productId" from tenant_operations
        where workspace_id = ${workspaceId} and status = 'pending' and person_id = any(${uuidArray(personIds)})`,
    pairRow,
  );
  const waitingOn = new Set(pending.map(pairKey));

  const wanted = new Map<string, Wanted>();
  for (const [personId, licenses] of input.holdings) {
    for (const license of licenses) {
      const product = productOf.get(license.productId);
      // A license in error (a group's CountViolation, say) was not given: the person does not hold it.
      if (!product || license.error !== null) continue;
      const pair = { personId, productId: product.id };
      const known = wanted.get(pairKey(pair));
      // Held directly and through a group, it is the person's own: removable here.
      if (!known || license.groupId === null)
        wanted.set(pairKey(pair), { ...pair, groupId: license.groupId });
    }
  }
  const heldBy = new Map(held.map((h) => [pairKey(h), h]));
  let waiting = 0;
  const additions: Wanted[] = [];
  const regroup: Wanted[] = [];
  for (const [key, want] of wanted) {
    const have = heldBy.get(key);
    if (have && have.fromGroupId !== want.groupId) regroup.push(want);
    if (have) continue;
    if (waitingOn.has(key)) waiting++;
    else additions.push(want);
  }
  const removing = held.filter((h) => {
    if (wanted.has(pairKey(h))) return false;
    if (waitingOn.has(pairKey(h))) waiting++;
    return !waitingOn.has(pairKey(h));
  });

  if (additions.length + removing.length === 0) {
    await recordGroups(tx, workspaceId, regroup);
    return { ...none, regrouped: regroup.length, waiting };
  }
  await makeRoom(tx, workspaceId, productById, additions, removing);

  const [settings] = await queryRows(
    tx,
    sql`select restore_window_days as "restoreWindowDays" from workspaces where id = ${workspaceId}`,
    settingsRow,
  );
  const restoreWindowDays = settings?.restoreWindowDays ?? 30;
  const person = (id: string) => {
    const m = input.members.get(id);
    if (!m) throw new Error(`drift names person ${id}, who is not among the members read`);
    return { id: m.id, name: m.name, slackUserId: m.slackUserId };
  };
  const product = (id: string) => {
    const p = productById.get(id) as (typeof products)[number];
    return { id: p.id, key: p.key, name: p.name };
  };
  const removals = withWindowIds(removing.map(({ personId, productId }) => ({ personId, productId })));
  const warnings = await loadRemovalWarnings(
    tx,
    {
      workspaceId,
      restoreWindowDays,
      people: new Map(removals.map((r) => [r.personId, person(r.personId)])),
      products: new Map(removals.map((r) => [r.productId, product(r.productId)])),
    },
    { removals, additions },
    now,
  );
  const warningOf = new Map(
    warnings.map((w) => [pairKey({ personId: w.person.id, productId: w.product.id }), w]),
  );
  const addedPeople = [...new Set(additions.map((a) => a.personId))];
  const openWindows = await queryRows(
    tx,
    sql`select id, purge_at as "purgeAt" from restore_windows
        where workspace_id = ${workspaceId} and person_id = any(${uuidArray(addedPeople)}) and status = 'open'
        for no key update`,
    windowRow,
  );

  const adding = additions.map((a) => ({ ...a, assignmentId: randomUUID() }));
  const removed: DriftRecorded["removed"] = removals.map((r) => {
    const warning = warningOf.get(pairKey(r));
    const lost = (warning?.lost.length ?? 0) > 0;
    return {
      person: person(r.personId),
      product: product(r.productId),
      restoreWindowId: lost ? r.windowId : null,
      goneForGoodAt: lost && warning ? warning.goneForGoodAt.toISOString() : null,
    };
  });
  const audit: AuditEntry[] = [
    ...adding.map((a) => ({
      action: "license.tenant_assigned",
      targetType: "assignment",
      targetId: a.assignmentId,
      after: { person: person(a.personId), product: product(a.productId), groupId: a.groupId },
    })),
    ...removed.map((r, i) => {
      const warning = warningOf.get(pairKey(removals[i] as Pair));
      return {
        action: "license.tenant_removed",
        targetType: "assignment",
        targetId: (removing[i] as (typeof removing)[number]).id,
        before: { person: r.person, product: r.product },
        after: {
          restoreWindowId: r.restoreWindowId,
          goneForGoodAt: r.goneForGoodAt,
          lost: warning?.lost ?? [],
          survives: warning?.survives ?? [],
        },
      };
    }),
  ];
  const written = await writeLicenseChanges(tx, now, actor, {
    workspaceId,
    restoreWindowDays,
    removals,
    additions: adding.map(({ personId, productId, assignmentId }) => ({ personId, productId, assignmentId })),
    openWindows: openWindows.map((w) => ({ id: w.id, purgeAt: new Date(w.purgeAt) })),
    audit,
    fromTenant: true,
  });
  if (written.overbooked.length > 0) {
    throw new Error(
      `the tenant's licenses overbook products ${written.overbooked.join(", ")} after making room`,
    );
  }
  await recordGroups(tx, workspaceId, [...regroup, ...adding.filter((a) => a.groupId !== null)]);
  await queuePersonalNotices(tx, now, { workspaceId, actor, written });
  return {
    added: adding.map((a) => ({
      person: person(a.personId),
      product: product(a.productId),
      groupId: a.groupId,
    })),
    removed,
    regrouped: regroup.length,
    waiting,
  };
}

/**
 * The tenant gave these licenses already, so they must fit: where its consumed units run past its
 * enabled ones (a subscription cut while people hold it), the purchased count follows what is held
 * rather than refuse what the tenant has done.
 */
async function makeRoom(
  tx: Tx,
  workspaceId: string,
  products: ReadonlyMap<string, { id: string; purchased: number; assigned: number }>,
  additions: Pair[],
  removals: Pair[],
): Promise<void> {
  const net = new Map<string, number>();
  for (const a of additions) net.set(a.productId, (net.get(a.productId) ?? 0) + 1);
  for (const r of removals) net.set(r.productId, (net.get(r.productId) ?? 0) - 1);
  const short = [...net].flatMap(([id, delta]) => {
    const p = products.get(id);
    return p && p.assigned + delta > p.purchased ? [{ id, needed: p.assigned + delta }] : [];
  });
  if (short.length === 0) return;
  await tx.execute(sql`
    update products p set purchased_seats = s.needed
    from unnest(${uuidArray(short.map((s) => s.id))}, ${sql.param(short.map((s) => s.needed))}::int[]) as s(id, needed)
    where p.workspace_id = ${workspaceId} and p.id = s.id`);
}

/** Where each license comes from: a group's cannot be removed from the person here, only from the group. */
async function recordGroups(tx: Tx, workspaceId: string, pairs: Wanted[]): Promise<void> {
  if (pairs.length === 0) return;
  // Graph names only the group's id in licenseAssignmentStates; reading its name needs a group
  // permission License Desk does not ask for, so the name stays unset until something supplies it.
  await tx.execute(sql`
    update assignments a set from_group_id = g.group_id,
      from_group_name = case when a.from_group_id is not distinct from g.group_id then a.from_group_name end
    from unnest(${uuidArray(pairs.map((p) => p.personId))}, ${uuidArray(pairs.map((p) => p.productId))},
      ${sql.param(pairs.map((p) => p.groupId))}::text[]) as g(person_id, product_id, group_id)
    where a.workspace_id = ${workspaceId} and a.person_id = g.person_id and a.product_id = g.product_id`);
}

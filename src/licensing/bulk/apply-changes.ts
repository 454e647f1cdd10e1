import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows.ts";
import type { Actor } from "../actor.ts";
import { addDays } from "../clock.ts";
import type { Tx } from "../outcome.ts";
import { purgeWindowsInTransaction } from "../purge-expired-windows.ts";
import { type BulkState, plansAt } from "./bulk-state.ts";
import { type Pair, pairKey, pairsRelation, uuidArray } from "./pairs.ts";

/** A pair to add, with what the person's location lets it turn on and any restore window it reopens. */
export interface Addition extends Pair {
  enabledPlans: { id: string; isMailbox: boolean }[];
  openWindow: { id: string; purgeAt: Date } | null;
}

/** The additions for a set of pairs, worked out from what the bulk state already holds. */
export function additionsFor(state: BulkState, pairs: Pair[]): Addition[] {
  const windows = state.openWindows;
  return pairs.map(({ personId, productId }) => ({
    personId,
    productId,
    enabledPlans: plansAt(state, productId, state.people.get(personId)?.usageLocation ?? "").provisioned,
    // Most additions reopen nothing; the key is built only when there is a window to find.
    openWindow: windows.size > 0 ? (windows.get(pairKey({ personId, productId })) ?? null) : null,
  }));
}

export interface AppliedChanges {
  /** Removals that found their assignment; a concurrent removal may have taken the others. */
  removed: Pair[];
  /** Removals whose lost data now waits in a restore window. */
  windows: (Pair & { windowId: string })[];
  /** Additions that reopened a restore window and got their data back. */
  restored: Pair[];
}

/**
 * Writes a set of removals and additions with a fixed number of statements, whatever their size.
 * Removals go first so that their freed seats serve the additions; the seat counters move once,
 * by the net change, and their CHECK refuses any oversubscription. Callers hold the product locks
 * and have checked the seats.
 */
export async function applyChanges(
  tx: Tx,
  now: Date,
  actor: Actor,
  input: { workspaceId: string; restoreWindowDays: number; removals: Pair[]; additions: Addition[] },
): Promise<AppliedChanges> {
  const { workspaceId, removals, additions } = input;
  const { removed, windows } = removals.length
    ? await writeRemovals(tx, now, actor, workspaceId, input.restoreWindowDays, removals)
    : { removed: [], windows: [] };
  const restored = additions.length ? await writeAdditions(tx, now, actor, workspaceId, additions) : [];
  await moveSeatCounters(tx, additions, removed);
  return { removed, windows, restored };
}

const pairRow: z.ZodType<Pair> = z.object({ personId: z.string(), productId: z.string() });
const windowPairRow = z.object({ personId: z.string(), productId: z.string(), windowId: z.string() });

async function writeRemovals(
  tx: Tx,
  now: Date,
  actor: Actor,
  workspaceId: string,
  restoreWindowDays: number,
  removals: Pair[],
): Promise<Pick<AppliedChanges, "removed" | "windows">> {
  const removed = await queryRows(
    tx,
    sql`delete from assignments a using ${pairsRelation(removals)}
        where a.person_id = r.person_id and a.product_id = r.product_id and a.workspace_id = ${workspaceId}
        returning a.person_id as "personId", a.product_id as "productId"`,
    pairRow,
  );
  if (removed.length === 0) return { removed, windows: [] };
  // Data that outlives removal (documents) stays, switched off; the rest waits in a window, opened
  // for exactly the pairs whose rows moved there. One statement, driven by the removed pairs and
  // reaching service_data by its key (person, plan): the EXISTS that used to pick the windows was
  // planned as a scan of service_data across every workspace (once per service plan under the
  // all-workspaces setting). The moved rows' foreign key to their window is checked at the end of
  // the statement, after the insert.
  const windows = await queryRows(
    tx,
    sql`with r as materialized (
          select p.person_id, p.product_id, gen_random_uuid() as window_id from ${pairsRelation(removed, "p")}),
        moved as (
          update service_data sd set
            status = (case when sp.data_survives_removal then 'kept' else 'retained' end)::service_data_status,
            restore_window_id = case when sp.data_survives_removal then null else r.window_id end
          from r join service_plans sp on sp.product_id = r.product_id
          where sd.person_id = r.person_id and sd.service_plan_id = sp.id and sd.status = 'active'
          returning sd.restore_window_id as window_id)
        insert into restore_windows (id, workspace_id, person_id, product_id, removed_at, removed_by, purge_at)
        select r.window_id, ${workspaceId}, r.person_id, r.product_id, ${now.toISOString()}, ${actor.userId},
          ${addDays(now, restoreWindowDays).toISOString()}
        from r where r.window_id in (select window_id from moved)
        returning id as "windowId", person_id as "personId", product_id as "productId"`,
    windowPairRow,
  );
  return { removed, windows };
}

async function writeAdditions(
  tx: Tx,
  now: Date,
  actor: Actor,
  workspaceId: string,
  additions: Addition[],
): Promise<Pair[]> {
  const windows = additions.flatMap((a) => (a.openWindow ? [a.openWindow] : []));
  // A window past its date whose purge has not run yet is purged now: its data is no longer restorable.
  const due = windows.filter((w) => w.purgeAt <= now).map((w) => w.id);
  if (due.length > 0) await purgeWindowsInTransaction(tx, now, actor, { workspaceId, windowIds: due });
  const restorable = windows.filter((w) => w.purgeAt > now).map((w) => w.id);
  // Conditional on still being open: a purge that got there first wins, and the data starts afresh.
  const restored = restorable.length
    ? await queryRows(
        tx,
        sql`update restore_windows set status = 'restored', closed_at = ${now.toISOString()}
            where id = any(${uuidArray(restorable)}) and status = 'open'
            returning id as "windowId", person_id as "personId", product_id as "productId"`,
        windowPairRow,
      )
    : [];
  if (restored.length > 0) {
    // Detached first: services the person's location no longer allows keep their data, switched off.
    await tx.execute(sql`
      update service_data set status = 'kept', restore_window_id = null
      where restore_window_id = any(${uuidArray(restored.map((w) => w.windowId))})`);
  }
  await tx.execute(sql`
    insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by)
    select ${workspaceId}, r.person_id, r.product_id, ${now.toISOString()}, ${actor.userId}
    from ${pairsRelation(additions)}`);
  // One column array each, filled in one pass: tens of thousands of services in a bulk change.
  const people: string[] = [];
  const plans: string[] = [];
  const mailboxes: boolean[] = [];
  for (const addition of additions) {
    for (const plan of addition.enabledPlans) {
      people.push(addition.personId);
      plans.push(plan.id);
      mailboxes.push(plan.isMailbox);
    }
  }
  if (people.length > 0) {
    await tx.execute(sql`
      insert into service_data (workspace_id, person_id, service_plan_id, status, mailbox_size_mb, provisioned_at)
      select ${workspaceId}, s.person_id, s.plan_id, 'active', case when s.is_mailbox then 0 end, ${now.toISOString()}
      from unnest(${uuidArray(people)}, ${uuidArray(plans)}, ${sql.param(mailboxes)}::boolean[])
        as s(person_id, plan_id, is_mailbox)
      on conflict (person_id, service_plan_id) do update set status = 'active', restore_window_id = null`);
  }
  return restored.map(({ personId, productId }) => ({ personId, productId }));
}

async function moveSeatCounters(tx: Tx, additions: Pair[], removals: Pair[]): Promise<void> {
  const delta = new Map<string, number>();
  for (const a of additions) delta.set(a.productId, (delta.get(a.productId) ?? 0) + 1);
  for (const r of removals) delta.set(r.productId, (delta.get(r.productId) ?? 0) - 1);
  const changed = [...delta].filter(([, d]) => d !== 0);
  if (changed.length === 0) return;
  await tx.execute(sql`
    update products p set assigned_seats = p.assigned_seats + d.delta
    from unnest(${uuidArray(changed.map(([id]) => id))}, ${sql.param(changed.map(([, d]) => d))}::int[]) as d(id, delta)
    where p.id = d.id`);
}

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../db/rows.ts";
import type { Actor } from "./actor.ts";
import { type AuditEntry, auditInsert } from "./audit.ts";
import type { Pair } from "./bulk/pairs.ts";
import { uuidArray } from "./bulk/pairs.ts";
import { addDays } from "./clock.ts";
import type { Tx } from "./outcome.ts";
import { purgeWindowsInTransaction } from "./purge-expired-windows.ts";
import { servicesAtRisk } from "./services-at-risk.ts";

/** A removal, with the id its restore window gets if it loses any data. */
export interface Removal extends Pair {
  windowId: string;
}

export interface LicenseChanges {
  workspaceId: string;
  restoreWindowDays: number;
  removals: Removal[];
  /** With the assignment's id when an audit row written with it must name it. */
  additions: (Pair & { assignmentId?: string })[];
  /**
   * The open restore windows of the people added to, read with their rows locked (so a concurrent
   * purge waits, or has finished): those past their date are purged first, their data no longer
   * restorable; the others' data of the added services comes back.
   */
  openWindows?: { id: string; purgeAt: Date }[];
  /** Written by the same statement, only when an assignment was added or removed. */
  audit?: AuditEntry[];
  /** Written instead of `audit` when the additions brought retained data back. */
  auditIfRestored?: AuditEntry[];
  /** Already made in the tenant (picked up by the tenant sync): written now, never sent back. */
  fromTenant?: boolean;
}

export interface WrittenChanges {
  /** Removals that found their assignment; a concurrent removal may have taken the others. */
  removed: Pair[];
  /** Additions written; a concurrent assign of the same pair may have taken the others. */
  added: (Pair & { assignmentId: string })[];
  /** Removals whose lost data now waits in a restore window. */
  windows: (Pair & { windowId: string })[];
  /** Additions that brought retained data back (any product carrying the service does). */
  restored: Pair[];
  /** The seat counters that moved. */
  seats: { productId: string; purchased: number; assigned: number }[];
  /** Products the additions would take past their purchased seats: the caller must roll back. */
  overbooked: string[];
}

const pair = z.object({ personId: z.string(), productId: z.string() });
const writtenRow: z.ZodType<WrittenChanges> = z.object({
  removed: z.array(pair),
  added: z.array(pair.extend({ assignmentId: z.string() })),
  windows: z.array(pair.extend({ windowId: z.string() })),
  restored: z.array(pair),
  seats: z.array(z.object({ productId: z.string(), purchased: z.number(), assigned: z.number() })),
  overbooked: z.array(z.string()),
});

/** A removal's window id, made up front so that the audit row written with it can name it. */
export const withWindowIds = (pairs: Pair[]): Removal[] =>
  pairs.map((p) => ({ ...p, windowId: randomUUID() }));

/**
 * The one writer of seats, assignments, service data, restore windows and their audit rows: single
 * assign, restore, removal, bulk, joining, offboarding and approval all write through it, so each
 * rule below is written once. One statement whatever the number of pairs (two when due windows
 * must be purged first):
 * - removals free their seats; the data of services no product the person keeps still carries
 *   waits in the removal's restore window, or stays switched off when it outlives removal;
 * - additions take seats and turn on what the person's location allows; retained data of those
 *   services comes back from any open window (in Microsoft 365 any license with the service plan
 *   brings the mailbox back), retained data the location no longer allows stays switched off, and a
 *   window whose data has all come back is closed as restored;
 * - the seat counters move once per product by the net change. Over the purchased seats a counter
 *   does not move and the product is reported in `overbooked`.
 */
export async function writeLicenseChanges(
  tx: Tx,
  now: Date,
  actor: Actor,
  changes: LicenseChanges,
): Promise<WrittenChanges> {
  const { workspaceId, removals, additions } = changes;
  const windows = changes.openWindows ?? [];
  const due = windows.filter((w) => w.purgeAt <= now).map((w) => w.id);
  if (due.length > 0) await purgeWindowsInTransaction(tx, now, actor, { workspaceId, windowIds: due });
  const restorable = uuidArray(windows.filter((w) => w.purgeAt > now).map((w) => w.id));
  const assignmentIds = additions.map((a) => a.assignmentId ?? randomUUID());
  const personIds = [...new Set([...removals, ...additions].map((p) => p.personId))];
  const at = now.toISOString();
  const changed = sql`(exists (select 1 from added) or exists (select 1 from removed))`;
  const alternative = changes.auditIfRestored;
  const audit = sql.join(
    [
      changes.audit?.length
        ? sql`, audit as (${auditInsert(workspaceId, actor, now, changes.audit, alternative ? sql`${changed} and not exists (select 1 from restoring)` : changed)})`
        : sql``,
      alternative?.length
        ? sql`, audit_restored as (${auditInsert(workspaceId, actor, now, alternative, sql`${changed} and exists (select 1 from restoring)`)})`
        : sql``,
    ],
    sql``,
  );
  const [row] = await queryRows(
    tx,
    sql`
      with restorable as (
        select * from unnest(${restorable}) as w(id)
      ), removing as (
        select * from unnest(${uuidArray(removals.map((r) => r.personId))}, ${uuidArray(removals.map((r) => r.productId))},
          ${uuidArray(removals.map((r) => r.windowId))}) as r(person_id, product_id, window_id)
      ), removed as (
        delete from assignments a using removing r
        where a.person_id = r.person_id and a.product_id = r.product_id and a.workspace_id = ${workspaceId}
        returning a.person_id, a.product_id, r.window_id
      ), added as (
        insert into assignments (id, workspace_id, person_id, product_id, assigned_at, assigned_by)
        select a.id, ${workspaceId}, a.person_id, a.product_id, ${at}, ${actor.userId}
        from unnest(${uuidArray(assignmentIds)}, ${uuidArray(additions.map((a) => a.personId))},
          ${uuidArray(additions.map((a) => a.productId))}) as a(id, person_id, product_id)
        on conflict do nothing
        returning id, person_id, product_id
      ), ${servicesAtRisk(workspaceId, personIds)},
      moved as (
        update service_data sd set
          status = (case when ar.survives then 'kept' else 'retained' end)::service_data_status,
          restore_window_id = case when ar.survives then null else ar.window_id end
        from at_risk ar
        where sd.person_id = ar.person_id and sd.service_id = ar.service_id and sd.status = 'active'
        returning sd.restore_window_id as window_id, ar.person_id, ar.product_id
      ), opened as (
        -- Exactly the windows rows moved into; their foreign key is checked at the end of the statement.
        insert into restore_windows (id, workspace_id, person_id, product_id, removed_at, removed_by, purge_at)
        select distinct m.window_id, ${workspaceId}::text, m.person_id, m.product_id, ${at}::timestamptz, ${actor.userId}::text,
          ${addDays(now, changes.restoreWindowDays).toISOString()}::timestamptz
        from moved m where m.window_id is not null
        returning id, person_id, product_id
      ), enabling as (
        select a.person_id, a.product_id, s.id as service_id, s.kind,
          not (coalesce(l.usage_location, lw.default_usage_location, '') = any(s.unavailable_locations)) as allowed
        from added a
        join product_services ps on ps.product_id = a.product_id
        join services s on s.id = ps.service_id
        join people l on l.id = a.person_id
        join workspaces lw on lw.id = l.workspace_id
      ), restoring as (
        select distinct e.person_id, e.product_id, e.service_id, e.allowed, sd.restore_window_id
        from enabling e
        join service_data sd on sd.person_id = e.person_id and sd.service_id = e.service_id and sd.status = 'retained'
        join restorable w on w.id = sd.restore_window_id
      ), provisioned as (
        insert into service_data (workspace_id, person_id, service_id, status, mailbox_size_mb, provisioned_at)
        select distinct on (e.person_id, e.service_id)
          ${workspaceId}, e.person_id, e.service_id, 'active', case when e.kind = 'mailbox' then 0 end, ${at}
        from enabling e where e.allowed
        order by e.person_id, e.service_id
        -- Data kept after a removal, or waiting in a window, comes back as it was, mailbox size included.
        on conflict (person_id, service_id) do update set status = 'active', restore_window_id = null
          where service_data.status <> 'retained' or service_data.restore_window_id in (select id from restorable)
        returning person_id
      ), switched_off as (
        -- Retained data of a service the person's location no longer allows stays, switched off.
        update service_data sd set status = 'kept', restore_window_id = null
        from restoring r
        where not r.allowed and sd.person_id = r.person_id and sd.service_id = r.service_id and sd.status = 'retained'
        returning sd.person_id
      ), closed as (
        update restore_windows w set status = 'restored', closed_at = ${at}
        where w.id in (select restore_window_id from restoring) and w.status = 'open'
          and not exists (
            select 1 from service_data sd where sd.restore_window_id = w.id
              and not exists (select 1 from restoring r where r.person_id = sd.person_id and r.service_id = sd.service_id))
        returning w.id
      ), delta as (
        select product_id, sum(d)::int as delta
        from (select product_id, 1 as d from added union all select product_id, -1 from removed) x
        group by product_id having sum(d) <> 0
      ), seat as (
        update products p set assigned_seats = p.assigned_seats + d.delta
        from delta d
        where p.id = d.product_id and p.workspace_id = ${workspaceId} and p.assigned_seats + d.delta <= p.purchased_seats
        returning p.id, p.purchased_seats, p.assigned_seats
      )${audit}
      select
        (select coalesce(json_agg(json_build_object('personId', person_id, 'productId', product_id)), '[]') from removed) as removed,
        (select coalesce(json_agg(json_build_object('personId', person_id, 'productId', product_id, 'assignmentId', id)), '[]')
          from added) as added,
        (select coalesce(json_agg(json_build_object('personId', person_id, 'productId', product_id, 'windowId', id)), '[]')
          from opened) as windows,
        (select coalesce(json_agg(json_build_object('personId', person_id, 'productId', product_id)), '[]')
          from (select distinct person_id, product_id from restoring) r) as restored,
        (select coalesce(json_agg(json_build_object('productId', id, 'purchased', purchased_seats, 'assigned', assigned_seats)), '[]')
          from seat) as seats,
        (select coalesce(json_agg(product_id), '[]') from delta where product_id not in (select id from seat)) as overbooked`,
    writtenRow,
    // Planned once per connection for the hot path, one assign or removal; a bulk change is planned
    // for its own sizes, which a generic plan would not know.
    removals.length + additions.length <= 1 ? { prepareAs: "write_license_changes" } : {},
  );
  if (!row) throw new Error("the license writer returned no row");
  return row;
}

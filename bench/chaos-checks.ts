import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { ConnectionCounts } from "../src/db/client.ts";

/** What must hold in the database whatever the storm did; every figure's target is zero. */
export interface Invariants {
  /** Products whose assigned_seats differs from their count of assignment rows. */
  seatMismatches: number;
  /** Assignments without the audit row their transaction writes, and assign audit rows without their assignment. */
  auditMismatches: number;
  /** Bulk changes claimed but never finished, or finished without their audit row. */
  halfAppliedBulk: number;
}

/** Read as the operator on a connection of its own, straight to the server. */
export async function checkInvariants(side: pg.Client): Promise<Invariants> {
  const { rows } = await side.query<Invariants>(`
    select
      (select count(*)::int from products p
        where p.assigned_seats <> (select count(*) from assignments a where a.product_id = p.id))
        as "seatMismatches",
      (select count(distinct a.id)::int
        from assignments a
        join products p on p.id = a.product_id
        left join audit_log single
          on single.target_id = a.id::text and single.action in ('license.assigned', 'license.restored')
        left join audit_log bulk
          on bulk.target_id = a.person_id::text and bulk.action = 'license.bulk_changed'
          and bulk.after -> 'products' ? p.key
        where single.id is null and bulk.id is null)
      + (select count(*)::int from audit_log l
          where l.action = 'license.assigned'
            and not exists (select 1 from assignments a where a.id::text = l.target_id))
        as "auditMismatches",
      (select count(*)::int from bulk_changes where result = '{}'::jsonb)
      + abs((select count(*)::int from bulk_changes)
          - (select count(*)::int from audit_log where action = 'bulk.applied'))
        as "halfAppliedBulk"`);
  const [row] = rows;
  if (!row) throw new Error("the invariants query returned no row");
  return row;
}

export function describeInvariants(i: Invariants): string {
  return (
    `${i.seatMismatches} products with seats unequal to rows, ${i.auditMismatches} audit mismatches, ` +
    `${i.halfAppliedBulk} half-applied bulk changes`
  );
}

export interface HealthAnswer {
  status: number;
  connections?: ConnectionCounts;
}

export async function health(url: string): Promise<HealthAnswer> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json().catch(() => ({}))) as { connections?: ConnectionCounts };
    return { status: response.status, ...(body.connections ? { connections: body.connections } : {}) };
  } catch {
    return { status: 0 };
  }
}

/**
 * Connections an instance has checked out while it has nothing to do: the fewest seen over a few
 * health checks, since a scheduled job may hold one for a moment but a leaked one never comes back.
 */
export async function checkedOutWhenQuiet(url: string, samples = 5): Promise<number> {
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i += 1) {
    const { connections } = await health(url);
    if (!connections) throw new Error(`${url}/healthz did not report its connections`);
    fewest = Math.min(fewest, connections.total - connections.idle + connections.waiting);
    if (fewest === 0) return 0;
    await sleep(200);
  }
  return fewest;
}

/** The app's backends on the server, by application_name and state: for the progress lines. */
export async function backendStates(side: pg.Client, prefix: string): Promise<string> {
  const { rows } = await side.query<{ name: string; state: string; n: number }>(
    `select application_name as name, coalesce(state, '?') as state, count(*)::int as n
     from pg_stat_activity
     where datname = current_database() and application_name like $1
     group by 1, 2 order by 1, 2`,
    [`${prefix}%`],
  );
  return rows.map((r) => `${r.name} ${r.state} ${r.n}`).join(", ") || "none";
}

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { TenantPort } from "../../tenants/tenant-port.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import { uuidArray } from "../bulk/pairs.ts";
import type { Clock } from "../clock.ts";
import type { LocationChangeWarning } from "../failure-details.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, fail, inTransaction, isUuid, type Tx } from "../outcome.ts";
import { servicesAtRisk } from "../services-at-risk.ts";
import { normalizeUsageLocation } from "../usage-location.ts";
import { loadLocationChangeContext, locationChangeWarning } from "./location-change-warning.ts";

export type SetUsageLocationOutcome =
  | {
      ok: true;
      before: string | null;
      usageLocation: string;
      /** Services the new location runs that were off, now on (their kept or retained data back). */
      turnedOn: { key: string; name: string }[];
      /** What went: `lost` waits in a restore window until `goneForGoodAt`; `survives` is kept, off. */
      warning: LocationChangeWarning;
      restoreWindowIds: string[];
    }
  | Failure<"NOT_ALLOWED" | "UNKNOWN_PERSON">
  | Failure<"INVALID_USAGE_LOCATION">
  | Failure<"LOCATION_CHANGE_LOSES_DATA">
  | Failure<"TENANT_LOCATION_REFUSED">;

export interface SetUsageLocationInput {
  workspaceId: string;
  personId: string;
  usageLocation: string;
  actor: Actor;
  /**
   * The keys of the services whose data the admin saw in the warning and accepted to lose. A
   * change that would lose any other is refused with the warning as it is now; nothing is lost
   * without it.
   */
  confirmedLosses?: string[];
  /**
   * The tenant the workspace is connected to (rule 13): a person matched there gets the location
   * there first, and here only if the tenant took it.
   */
  tenant?: TenantPort | null;
}

/**
 * Sets where a person uses the services (rule 4), and re-evaluates what their licenses turn on:
 * what the new location runs comes on (data kept or still in a restore window comes back), and
 * what it no longer runs goes as a removal would (rule 6): its data waits in a restore window, or
 * stays switched off when it outlives removal. One transaction with its audit row.
 */
export function setUsageLocation(
  db: Database,
  clock: Clock,
  input: SetUsageLocationInput,
): Promise<SetUsageLocationOutcome> {
  const code = normalizeUsageLocation(input.usageLocation);
  if (!code) return Promise.resolve(fail("INVALID_USAGE_LOCATION", { input: input.usageLocation }));
  if (!isUuid(input.personId)) return Promise.resolve(fail("UNKNOWN_PERSON"));
  const now = clock.now();
  const { workspaceId } = input;
  return inTransaction(db, async (tx): Promise<SetUsageLocationOutcome> => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId,
      actor: input.actor,
      attempted: "set-usage-location",
      targetType: "person",
      targetId: input.personId,
    });
    if (refused) return refused;
    const ctx = await loadLocationChangeContext(tx, input);
    if (!ctx) return fail("UNKNOWN_PERSON");
    const warning = await locationChangeWarning(tx, workspaceId, ctx, code, now);
    const confirmed = new Set(input.confirmedLosses ?? []);
    if (warning.lost.some((l) => !confirmed.has(l.service.key))) {
      return fail("LOCATION_CHANGE_LOSES_DATA", { warning });
    }
    const inTenant = await setInTenant(input.tenant, ctx.person.tenantPersonId, code);
    if (inTenant) return inTenant;
    await tx.execute(
      sql`update people set usage_location = ${code} where workspace_id = ${workspaceId} and id = ${ctx.person.id}`,
    );
    const windowIds = ctx.held.map(() => randomUUID());
    const written = await reevaluateServices(tx, now, input.actor, {
      workspaceId,
      personId: ctx.person.id,
      held: ctx.held.map((p, i) => ({ productId: p.id, windowId: windowIds[i] as string })),
      purgeAt: warning.goneForGoodAt,
    });
    await writeAudit(tx, workspaceId, input.actor, now, [
      {
        action: "person.usage_location_set",
        targetType: "person",
        targetId: ctx.person.id,
        before: { usageLocation: ctx.person.usageLocation, effective: ctx.effectiveLocation },
        after: {
          usageLocation: code,
          turnedOn: written.turnedOn,
          lost: warning.lost,
          survives: warning.survives,
          restoreWindowIds: written.windowIds,
          goneForGoodAt: written.windowIds.length > 0 ? warning.goneForGoodAt : null,
        },
      },
    ]);
    return {
      ok: true as const,
      before: ctx.person.usageLocation,
      usageLocation: code,
      turnedOn: written.turnedOn,
      warning,
      restoreWindowIds: written.windowIds,
    };
  });
}

/**
 * The location set in the tenant, with the person's row locked: a refusal there changes nothing
 * here. Should the commit here fail after the tenant took it, the next sync brings it back.
 */
async function setInTenant(
  tenant: TenantPort | null | undefined,
  tenantPersonId: string | null,
  code: string,
): Promise<Failure<"TENANT_LOCATION_REFUSED"> | null> {
  if (!tenant || !tenantPersonId) return null;
  const answer = await tenant.setUsageLocation(tenantPersonId, code);
  if (answer.outcome === "applied") return null;
  const permission =
    answer.outcome === "refused" && answer.reason === "PERMISSION_MISSING" ? answer.permission : null;
  return fail("TENANT_LOCATION_REFUSED", { permission, message: answer.message });
}

const writtenRow = z.object({
  turnedOn: z.array(z.object({ key: z.string(), name: z.string() })),
  windowIds: z.array(z.string()),
});

/**
 * One statement, after the person's location is updated: the services the held products no longer
 * run there move out as a removal's would (the same at-risk rule as the license writer), and those
 * they run come on. A window opened by an earlier change or removal whose data has all come back
 * is closed as restored.
 */
async function reevaluateServices(
  tx: Tx,
  now: Date,
  actor: Actor,
  change: {
    workspaceId: string;
    personId: string;
    held: { productId: string; windowId: string }[];
    purgeAt: Date;
  },
) {
  const { workspaceId, personId } = change;
  const at = now.toISOString();
  const [row] = await queryRows(
    tx,
    sql`
      with removed as (
        select ${personId}::uuid as person_id, h.product_id, h.window_id
        from unnest(${uuidArray(change.held.map((h) => h.productId))}, ${uuidArray(change.held.map((h) => h.windowId))})
          as h(product_id, window_id)
      ), added as (
        select person_id, product_id from removed
      ), ${servicesAtRisk(workspaceId, [personId])},
      moved as (
        update service_data sd set
          status = (case when ar.survives then 'kept' else 'retained' end)::service_data_status,
          restore_window_id = case when ar.survives then null else ar.window_id end
        from at_risk ar
        where sd.person_id = ar.person_id and sd.service_id = ar.service_id and sd.status = 'active'
        returning sd.restore_window_id as window_id, ar.product_id
      ), opened as (
        insert into restore_windows (id, workspace_id, person_id, product_id, removed_at, removed_by, purge_at)
        select distinct m.window_id, ${workspaceId}::text, ${personId}::uuid, m.product_id, ${at}::timestamptz,
          ${actor.userId}::text, ${change.purgeAt.toISOString()}::timestamptz
        from moved m where m.window_id is not null
        returning id
      ), turned_on as (
        insert into service_data (workspace_id, person_id, service_id, status, mailbox_size_mb, provisioned_at)
        select ${workspaceId}, c.person_id, c.service_id, 'active', case when s.kind = 'mailbox' then 0 end, ${at}
        from covered c join services s on s.id = c.service_id
        -- Kept data, or data still inside its window, comes back as it was, mailbox size included.
        on conflict (person_id, service_id) do update set status = 'active', restore_window_id = null
          where service_data.status = 'kept' or (service_data.status = 'retained' and service_data.restore_window_id in (
            select id from restore_windows where person_id = ${personId} and status = 'open' and purge_at > ${at}))
        returning service_id
      )
      select
        (select coalesce(json_agg(json_build_object('key', s.key, 'name', s.name) order by s.key), '[]')
          from turned_on t join services s on s.id = t.service_id) as "turnedOn",
        (select coalesce(json_agg(id), '[]') from opened) as "windowIds"`,
    writtenRow,
  );
  if (!row) throw new Error("the location change returned no row");
  // Windows whose data has all come back are over; a statement of its own, to see the one above.
  await tx.execute(sql`
    update restore_windows w set status = 'restored', closed_at = ${at}
    where w.workspace_id = ${workspaceId} and w.person_id = ${personId} and w.status = 'open'
      and not exists (select 1 from service_data sd where sd.restore_window_id = w.id)`);
  return row;
}

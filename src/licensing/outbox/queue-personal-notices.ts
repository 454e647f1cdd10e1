import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows.ts";
import { type Actor, isSystemActor } from "../actor.ts";
import { type Pair, pairKey, uuidArray } from "../bulk/pairs.ts";
import { groupBy } from "../group-by.ts";
import type { Tx } from "../outcome.ts";
import { planInfoRow, splitPlansByLocation } from "../service-plans.ts";
import type { WrittenChanges } from "../write-license-changes.ts";
import { enqueueNotices } from "./enqueue.ts";
import type { DataAtStake, LicenseChangesNotice, LicenseGained, LicenseLost } from "./notices.ts";

const factsRow = z.object({
  enabled: z.boolean(),
  by: z.string().nullable(),
  people: z.array(
    z.object({
      id: z.string(),
      slackUserId: z.string(),
      timeZone: z.string().nullable(),
      active: z.boolean(),
      location: z.string().nullable(),
    }),
  ),
  products: z.array(z.object({ id: z.string(), name: z.string(), plans: z.array(planInfoRow) })),
  lost: z.array(
    z.object({
      windowId: z.string(),
      purgeAt: z.string(),
      service: z.string(),
      kind: z.string(),
      mailboxSizeMb: z.number().nullable(),
    }),
  ),
});

/**
 * Rule 12: tells each person whose licenses this change moved what they got or lost, by one direct
 * message per person however many products changed, queued in the caller's transaction so that a
 * committed change is always told and one rolled back never is. Reads what it tells from what was
 * written: the services the person's location turned on or skipped, and as lost data exactly what
 * the writer moved into the removal's restore window (services-at-risk.ts decided it there), so
 * data another license keeps, or that outlives removal, is never said to go. Nothing is queued
 * when the workspace has turned personal notices off, or for a person no longer active.
 */
export async function queuePersonalNotices(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; actor: Actor; written: WrittenChanges; joined?: boolean },
): Promise<number> {
  const { added, removed, windows, restored } = input.written;
  if (added.length + removed.length === 0) return 0;
  const pairs: Pair[] = [...added, ...removed];
  const [facts] = await queryRows(
    tx,
    sql`select
          coalesce((select w.personal_notices from workspaces w where w.id = ${input.workspaceId}), false) as enabled,
          (select p.name from people p
            where p.workspace_id = ${input.workspaceId} and p.slack_user_id = ${input.actor.userId}) as by,
          coalesce((select json_agg(json_build_object('id', p.id, 'slackUserId', p.slack_user_id,
              'timeZone', p.time_zone, 'active', p.active,
              'location', coalesce(p.usage_location, w.default_usage_location)))
            from people p join workspaces w on w.id = p.workspace_id
            where p.id = any(${uuidArray(pairs.map((p) => p.personId))})), '[]') as people,
          coalesce((select json_agg(json_build_object('id', pr.id, 'name', pr.name, 'plans',
              (select coalesce(json_agg(json_build_object('id', s.id, 'key', s.key, 'name', s.name, 'kind', s.kind,
                  'dataDescription', s.data_description, 'dataSurvivesRemoval', s.data_survives_removal,
                  'unavailableLocations', s.unavailable_locations, 'installLimit', s.install_limit) order by s.key), '[]')
                from product_services ps join services s on s.id = ps.service_id where ps.product_id = pr.id)))
            from products pr where pr.id = any(${uuidArray(pairs.map((p) => p.productId))})), '[]') as products,
          coalesce((select json_agg(json_build_object('windowId', rw.id, 'purgeAt', rw.purge_at, 'service', s.name,
              'kind', s.kind, 'mailboxSizeMb', sd.mailbox_size_mb) order by s.key)
            from restore_windows rw
            join service_data sd on sd.restore_window_id = rw.id
            join services s on s.id = sd.service_id
            where rw.id = any(${uuidArray(windows.map((w) => w.windowId))})), '[]') as lost`,
    factsRow,
  );
  if (!facts?.enabled) return 0;
  const products = new Map(facts.products.map((p) => [p.id, p]));
  const restoredPairs = new Set(restored.map(pairKey));
  const windowOf = new Map(windows.map((w) => [pairKey(w), w.windowId]));
  // Grouped once: a bulk change of thousands of people must not scan every pair for each person.
  const addedBy = groupBy(added, (a) => a.personId);
  const removedBy = groupBy(removed, (r) => r.personId);
  const lostIn = groupBy(facts.lost, (l) => l.windowId);
  const changeId = randomUUID();

  const notices = facts.people.flatMap((person) => {
    if (!person.active) return [];
    const gained: LicenseGained[] = (addedBy.get(person.id) ?? []).flatMap((a) => {
      const product = products.get(a.productId);
      if (!product) return [];
      const { enabled, skipped } = splitPlansByLocation(product.plans, person.location ?? "");
      const installable = enabled.find((plan) => plan.installLimit !== null);
      return [
        {
          product: product.name,
          restored: restoredPairs.has(pairKey(a)),
          enabled: enabled.map((plan) => plan.name),
          skipped: skipped.map((s) => ({ service: s.plan.name, location: s.location })),
          installs: installable
            ? { service: installable.name, limit: installable.installLimit as number }
            : null,
        },
      ];
    });
    const lost: LicenseLost[] = (removedBy.get(person.id) ?? []).flatMap((r) => {
      const product = products.get(r.productId);
      if (!product) return [];
      const windowId = windowOf.get(pairKey(r));
      const rows = windowId === undefined ? [] : (lostIn.get(windowId) ?? []);
      const data: DataAtStake[] = rows.map((l) => ({
        service: l.service,
        kind: l.kind,
        mailboxSizeMb: l.mailboxSizeMb,
      }));
      return [
        {
          product: product.name,
          data,
          goneForGoodAt: rows[0] ? new Date(rows[0].purgeAt).toISOString() : null,
        },
      ];
    });
    if (gained.length + lost.length === 0) return [];
    const notice: LicenseChangesNotice = {
      kind: "license_changes",
      timeZone: person.timeZone,
      by: isSystemActor(input.actor) ? null : facts.by,
      joined: input.joined ?? false,
      gained,
      lost,
    };
    return [
      {
        workspaceId: input.workspaceId,
        // One change, one message per person: the relay sends each outbox row once.
        dedupeKey: `license_changes:${changeId}:${person.id}`,
        channel: person.slackUserId,
        notice,
      },
    ];
  });
  return enqueueNotices(tx, now, notices);
}

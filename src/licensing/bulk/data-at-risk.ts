import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { servicePlanKind } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";
import { buildRemovalWarning, type RemovalWarning } from "../removal-warning.ts";
import { servicesAtRisk } from "../services-at-risk.ts";
import { type Pair, pairKey, uuidArray } from "./pairs.ts";

export interface WarningContext {
  workspaceId: string;
  restoreWindowDays: number;
  people: ReadonlyMap<string, { id: string; name: string; slackUserId: string }>;
  products: ReadonlyMap<string, { id: string; key: string; name: string }>;
}

const atRiskRow = z.object({
  personId: z.string(),
  productId: z.string(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(servicePlanKind.enumValues),
  description: z.string(),
  survivesRemoval: z.boolean(),
  mailboxSizeMb: z.number().nullable(),
  devices: z.number(),
});

/**
 * The data-loss warning of every removal in a change, from one query: what the confirmation
 * lists. `additions` are the change's other half (a bulk replace, an add with removals): a service
 * an added product carries is not lost either. The same rule as the writer (services-at-risk.ts).
 */
export async function loadRemovalWarnings(
  db: Database | Tx,
  context: WarningContext,
  change: { removals: Pair[]; additions: Pair[] },
  removedAt: Date,
  /** The people read as located there instead: what a change of location would lose. */
  asIfLocatedIn?: string,
): Promise<RemovalWarning[]> {
  const { removals, additions } = change;
  if (removals.length === 0) return [];
  const personIds = [...new Set([...removals, ...additions].map((p) => p.personId))];
  const rows = await queryRows(
    db,
    sql`with removed as (
          select r.person_id, r.product_id, null::uuid as window_id
          from unnest(${uuidArray(removals.map((r) => r.personId))}, ${uuidArray(removals.map((r) => r.productId))})
            as r(person_id, product_id)
        ), added as (
          select * from unnest(${uuidArray(additions.map((a) => a.personId))}, ${uuidArray(additions.map((a) => a.productId))})
            as a(person_id, product_id)
        ), ${servicesAtRisk(context.workspaceId, personIds, asIfLocatedIn)}
        select ar.person_id as "personId", ar.product_id as "productId", s.key, s.name, s.kind,
          s.data_description as description, ar.survives as "survivesRemoval", sd.mailbox_size_mb as "mailboxSizeMb",
          (select count(*)::int from device_installs di
            where di.person_id = ar.person_id and di.service_id = ar.service_id) as devices
        from at_risk ar
        join services s on s.id = ar.service_id
        join service_data sd on sd.person_id = ar.person_id and sd.service_id = ar.service_id
        order by s.key`,
    atRiskRow,
  );
  const byPair = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = pairKey(row);
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  return removals.flatMap((pair) => {
    const person = context.people.get(pair.personId);
    const product = context.products.get(pair.productId);
    if (!person || !product) return [];
    const atRisk = (byPair.get(pairKey(pair)) ?? []).map((r) => ({
      service: { key: r.key, name: r.name, kind: r.kind },
      description: r.description,
      mailboxSizeMb: r.mailboxSizeMb,
      devices: Number(r.devices),
      survivesRemoval: r.survivesRemoval,
    }));
    return [
      buildRemovalWarning(
        { person, product, atRisk, restoreWindowDays: context.restoreWindowDays },
        removedAt,
      ),
    ];
  });
}

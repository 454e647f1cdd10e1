import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { serviceDataStatus } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";
import { buildRemovalWarning, type RemovalWarning } from "../removal-warning.ts";
import type { BulkState } from "./bulk-state.ts";
import { type Pair, pairKey, pairsRelation } from "./pairs.ts";

const atRiskRow = z.object({
  personId: z.string(),
  productId: z.string(),
  planId: z.string(),
  status: z.enum(serviceDataStatus.enumValues),
  mailboxSizeMb: z.number().nullable(),
  devices: z.number(),
});

/** The data-loss warning of every removal in a set, from one query: what the confirmation lists. */
export async function loadRemovalWarnings(
  db: Database | Tx,
  state: BulkState,
  removals: Pair[],
  removedAt: Date,
): Promise<RemovalWarning[]> {
  if (removals.length === 0) return [];
  const rows = await queryRows(
    db,
    sql`select r.person_id as "personId", r.product_id as "productId", sd.service_plan_id as "planId", sd.status,
          sd.mailbox_size_mb as "mailboxSizeMb",
          (select count(*)::int from device_installs di
            where di.person_id = sd.person_id and di.service_plan_id = sd.service_plan_id) as devices
        from ${pairsRelation(removals)}
        join service_plans sp on sp.product_id = r.product_id
        join service_data sd on sd.person_id = r.person_id and sd.service_plan_id = sp.id
        where sd.status = 'active'`,
    atRiskRow,
  );
  const byPair = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = pairKey(row);
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  return removals.flatMap((pair) => {
    const person = state.people.get(pair.personId);
    const product = state.products.get(pair.productId);
    if (!person || !product) return [];
    return [
      buildRemovalWarning(
        {
          person,
          product,
          plans: state.plansByProduct.get(pair.productId) ?? [],
          serviceData: byPair.get(pairKey(pair)) ?? [],
          restoreWindowDays: state.restoreWindowDays,
        },
        removedAt,
      ),
    ];
  });
}

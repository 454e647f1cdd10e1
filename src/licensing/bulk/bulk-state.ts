import { sql } from "drizzle-orm";
import { z } from "zod";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import type { Tx } from "../outcome.ts";
import { type PlanInfo, planInfoRow, splitPlansByLocation } from "../service-plans.ts";
import { uuidArray } from "./pairs.ts";

export interface BulkPerson {
  id: string;
  name: string;
  slackUserId: string;
  active: boolean;
  usageLocation: string | null;
}

export interface BulkProduct {
  id: string;
  key: string;
  name: string;
  purchased: number;
  assigned: number;
}

export interface BulkState {
  restoreWindowDays: number;
  people: Map<string, BulkPerson>;
  products: Map<string, BulkProduct>;
  /** What each person holds now. */
  held: Map<string, Set<string>>;
  /** The services each product carries. */
  plansByProduct: Map<string, PlanInfo[]>;
  /** Open restore windows of these people; row-locked with `lock`. */
  openWindows: { id: string; personId: string; purgeAt: Date }[];
}

/** The open windows of the people a change adds to: what the license writer restores from or purges. */
export function windowsOf(state: BulkState, personIds: ReadonlySet<string>): BulkState["openWindows"] {
  return state.openWindows.filter((w) => personIds.has(w.personId));
}

const settingsRow = z.object({ restoreWindowDays: z.number() });
const bulkProductRow: z.ZodType<BulkProduct> = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  purchased: z.number(),
  assigned: z.number(),
});
const bulkPersonRow: z.ZodType<BulkPerson> = z.object({
  id: z.string(),
  name: z.string(),
  slackUserId: z.string(),
  active: z.boolean(),
  usageLocation: z.string().nullable(),
});
const pairRow = z.object({ personId: z.string(), productId: z.string() });
const planRow = z.intersection(planInfoRow, z.object({ productId: z.string() }));
const openWindowRow = z.object({ id: z.string(), personId: z.string(), purgeAt: dbTimestamp });

/**
 * Reads what a bulk change needs in six statements whatever the number of people. With `lock`,
 * the products' rows are locked in id order, so that two bulk changes over overlapping products
 * queue instead of deadlocking, and their seat counts hold until commit.
 */
export async function loadBulkState(
  tx: Tx,
  input: { workspaceId: string; personIds: string[]; lock: boolean },
): Promise<BulkState> {
  const { workspaceId, personIds } = input;
  const lockClause = input.lock ? sql`for no key update` : sql``;
  const [settings] = await queryRows(
    tx,
    sql`select restore_window_days as "restoreWindowDays" from workspaces where id = ${workspaceId}`,
    settingsRow,
  );
  const products = await queryRows(
    tx,
    sql`select id, key, name, purchased_seats as purchased, assigned_seats as assigned
        from products where workspace_id = ${workspaceId} order by id ${lockClause}`,
    bulkProductRow,
  );
  // One after another: a transaction is one connection, which runs one statement at a time.
  const people = await queryRows(
    tx,
    sql`select p.id, p.name, p.slack_user_id as "slackUserId", p.active,
          coalesce(p.usage_location, w.default_usage_location) as "usageLocation"
        from people p join workspaces w on w.id = p.workspace_id
        where p.workspace_id = ${workspaceId} and p.id = any(${uuidArray(personIds)})`,
    bulkPersonRow,
  );
  const held = await queryRows(
    tx,
    sql`select person_id as "personId", product_id as "productId" from assignments
        where workspace_id = ${workspaceId} and person_id = any(${uuidArray(personIds)})`,
    pairRow,
  );
  const plans = await queryRows(
    tx,
    sql`select s.id, ps.product_id as "productId", s.key, s.name, s.kind, s.data_description as "dataDescription",
          s.data_survives_removal as "dataSurvivesRemoval", s.unavailable_locations as "unavailableLocations",
          s.install_limit as "installLimit"
        from product_services ps join services s on s.id = ps.service_id
        where ps.workspace_id = ${workspaceId} order by s.key`,
    planRow,
  );
  const windows = await queryRows(
    tx,
    sql`select id, person_id as "personId", purge_at as "purgeAt" from restore_windows
        where workspace_id = ${workspaceId} and person_id = any(${uuidArray(personIds)}) and status = 'open'
        ${lockClause}`,
    openWindowRow,
  );
  const heldMap = new Map<string, Set<string>>();
  for (const h of held) {
    const set = heldMap.get(h.personId) ?? new Set<string>();
    set.add(h.productId);
    heldMap.set(h.personId, set);
  }
  const plansByProduct = new Map<string, PlanInfo[]>();
  for (const { productId, ...plan } of plans) {
    plansByProduct.set(productId, [...(plansByProduct.get(productId) ?? []), plan]);
  }
  return {
    restoreWindowDays: settings?.restoreWindowDays ?? 30,
    people: new Map(people.map((p) => [p.id, p])),
    products: new Map(products.map((p) => [p.id, p])),
    held: heldMap,
    plansByProduct,
    openWindows: windows.map((w) => ({ id: w.id, personId: w.personId, purgeAt: new Date(w.purgeAt) })),
  };
}

export type PlansAtLocation = ReturnType<typeof splitPlansByLocation>;

const splits = new WeakMap<BulkState, Map<string, PlansAtLocation>>();

/**
 * A product's plans split by what a location allows, worked out once per product and location:
 * a bulk change over ten thousand people asks the same few questions thousands of times.
 */
export function plansAt(state: BulkState, productId: string, location: string): PlansAtLocation {
  let cache = splits.get(state);
  if (!cache) {
    cache = new Map<string, PlansAtLocation>();
    splits.set(state, cache);
  }
  const key = `${productId}|${location}`;
  const known = cache.get(key);
  if (known) return known;
  const plans = splitPlansByLocation(state.plansByProduct.get(productId) ?? [], location);
  cache.set(key, plans);
  return plans;
}

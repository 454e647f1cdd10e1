import { type SQL, sql } from "drizzle-orm";

/** One person and one product: the unit every set-based change works on. */
export interface Pair {
  personId: string;
  productId: string;
}

/** A whole id list as one array parameter, however long, instead of one parameter per id. */
export function uuidArray(ids: string[]): SQL {
  return sql`${sql.param(ids)}::uuid[]`;
}

/** The pairs as a relation `alias(person_id, product_id)`, for joining in one statement. */
export function pairsRelation(pairs: Pair[], alias = "r"): SQL {
  return sql`unnest(${uuidArray(pairs.map((p) => p.personId))}, ${uuidArray(pairs.map((p) => p.productId))}) as ${sql.raw(alias)}(person_id, product_id)`;
}

export const pairKey = (pair: Pair) => `${pair.personId}:${pair.productId}`;

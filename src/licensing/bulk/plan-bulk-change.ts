import type { NothingRunsCase } from "../failure-details.ts";
import type { Failure } from "../outcome.ts";
import { fail } from "../outcome.ts";
import { nothingRunsCase } from "../service-plans.ts";
import { type BulkPerson, type BulkProduct, type BulkState, plansAt } from "./bulk-state.ts";
import type { Pair } from "./pairs.ts";

export type BulkMode = "add" | "replace";

export interface BulkRequest {
  personIds: string[];
  /** Products every chosen person gains (add) or ends with exactly (replace). */
  add: string[];
  /** Add mode only: products every chosen person loses. */
  remove?: string[];
  mode: BulkMode;
  /**
   * Add products even to people where none of their services can run (Microsoft 365 allows it);
   * without it such a change is refused whole, naming each person and product.
   */
  evenIfNothingRuns?: boolean;
}

export type ProductRef = { id: string; key: string; name: string };
type PersonRef = { id: string; name: string; slackUserId: string };

export interface PersonChange {
  person: PersonRef;
  added: ProductRef[];
  kept: ProductRef[];
  removed: ProductRef[];
  /** Services of added products the person's location does not allow. */
  skipped: { product: ProductRef; services: string[]; location: string }[];
}

export interface ProductSeatsChange {
  product: ProductRef;
  adding: number;
  removing: number;
  availableBefore: number;
  availableAfter: number;
  /** Seats missing for the change to fit; 0 when it fits. */
  missing: number;
}

export interface BulkPlan {
  people: PersonChange[];
  products: ProductSeatsChange[];
  additions: Pair[];
  removals: Pair[];
}

export type BulkPlanFailure =
  | Failure<"BULK_EMPTY">
  | Failure<"BULK_CONFLICT">
  | Failure<"UNKNOWN_PERSON">
  | Failure<"UNKNOWN_PRODUCT">
  | Failure<"PERSON_DEACTIVATED">
  | Failure<"USAGE_LOCATION_REQUIRED">
  | Failure<"NOTHING_RUNS_IN_LOCATION">;

const productRef = (p: BulkProduct): ProductRef => ({ id: p.id, key: p.key, name: p.name });
const personRef = (p: BulkPerson): PersonRef => ({ id: p.id, name: p.name, slackUserId: p.slackUserId });

/** Checks the request against the current state and works out, per person and per product, what changes. */
export function planBulkChange(state: BulkState, request: BulkRequest): BulkPlan | BulkPlanFailure {
  const personIds = [...new Set(request.personIds)];
  const add = [...new Set(request.add)];
  const remove = request.mode === "replace" ? [] : [...new Set(request.remove ?? [])];
  if (personIds.length === 0 || (add.length === 0 && remove.length === 0 && request.mode === "add")) {
    return fail("BULK_EMPTY");
  }
  const both = add.filter((id) => remove.includes(id));
  if (both.length > 0) return fail("BULK_CONFLICT", { products: both });
  const unknownProducts = [...add, ...remove].filter((id) => !state.products.has(id));
  if (unknownProducts.length > 0) return fail("UNKNOWN_PRODUCT", { ids: unknownProducts });
  const unknownPeople = personIds.filter((id) => !state.people.has(id));
  if (unknownPeople.length > 0) return fail("UNKNOWN_PERSON", { ids: unknownPeople });
  const people = personIds.map((id) => state.people.get(id) as BulkPerson);
  const inactive = people.filter((p) => !p.active);
  if (inactive.length > 0) return fail("PERSON_DEACTIVATED", { people: inactive.map(personRef) });

  const refs = new Map([...state.products.values()].map((p) => [p.id, productRef(p)]));
  const ref = (id: string) => refs.get(id) as ProductRef;
  const additions: Pair[] = [];
  const removals: Pair[] = [];
  const changes: PersonChange[] = [];
  const needsLocation: BulkPerson[] = [];
  const nothingRuns: NothingRunsCase[] = [];
  for (const person of people) {
    const held = state.held.get(person.id) ?? new Set<string>();
    const added = add.filter((id) => !held.has(id));
    const removed =
      request.mode === "replace"
        ? [...held].filter((id) => !add.includes(id))
        : remove.filter((id) => held.has(id));
    const kept = [...held].filter((id) => !removed.includes(id));
    if (added.length > 0 && !person.usageLocation) needsLocation.push(person);
    const skipped = added.flatMap((productId) => {
      if (!person.usageLocation) return [];
      const split = plansAt(state, productId, person.usageLocation);
      if (split.enabled.length === 0 && split.skipped.length > 0) {
        nothingRuns.push(nothingRunsCase(person, ref(productId), split.skipped, person.usageLocation));
      }
      return split.skipped.length
        ? [
            {
              product: ref(productId),
              services: split.skipped.map((s) => s.plan.name),
              location: person.usageLocation,
            },
          ]
        : [];
    });
    for (const productId of added) additions.push({ personId: person.id, productId });
    for (const productId of removed) removals.push({ personId: person.id, productId });
    changes.push({
      person: personRef(person),
      added: added.map(ref),
      kept: kept.map(ref),
      removed: removed.map(ref),
      skipped,
    });
  }
  if (needsLocation.length > 0)
    return fail("USAGE_LOCATION_REQUIRED", { people: needsLocation.map(personRef) });
  if (nothingRuns.length > 0 && !request.evenIfNothingRuns)
    return fail("NOTHING_RUNS_IN_LOCATION", { cases: nothingRuns });

  return { people: changes, products: seatChanges(state, additions, removals), additions, removals };
}

/** Seats per touched product; freed seats count, since removals apply before additions. */
export function seatChanges(state: BulkState, additions: Pair[], removals: Pair[]): ProductSeatsChange[] {
  const count = (pairs: Pair[]) => {
    const counts = new Map<string, number>();
    for (const p of pairs) counts.set(p.productId, (counts.get(p.productId) ?? 0) + 1);
    return counts;
  };
  const adding = count(additions);
  const removing = count(removals);
  const touched = [...new Set([...adding.keys(), ...removing.keys()])];
  return touched
    .map((id) => state.products.get(id) as BulkProduct)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((product) => {
      const add = adding.get(product.id) ?? 0;
      const rem = removing.get(product.id) ?? 0;
      const availableBefore = product.purchased - product.assigned;
      const availableAfter = availableBefore + rem - add;
      return {
        product: productRef(product),
        adding: add,
        removing: rem,
        availableBefore,
        availableAfter,
        missing: Math.max(0, -availableAfter),
      };
    });
}

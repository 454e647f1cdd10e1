import { and, eq } from "drizzle-orm";
import { assignments, people, products, workspaces } from "../../db/schema/index.ts";
import { loadRemovalWarnings } from "../bulk/data-at-risk.ts";
import { addDays } from "../clock.ts";
import type { LocationChangeWarning } from "../failure-details.ts";
import type { Tx } from "../outcome.ts";

export interface LocationChangeContext {
  /** `tenantPersonId`: who the person is in the tenant, when the workspace has one and they are matched. */
  person: {
    id: string;
    name: string;
    slackUserId: string;
    usageLocation: string | null;
    tenantPersonId: string | null;
  };
  /** Where the person is read as being now: their own location, else the workspace default. */
  effectiveLocation: string | null;
  restoreWindowDays: number;
  held: { id: string; key: string; name: string }[];
}

/** The person (row-locked, so the warning and the change read the same holdings) and what they hold. */
export async function loadLocationChangeContext(
  tx: Tx,
  input: { workspaceId: string; personId: string },
): Promise<LocationChangeContext | null> {
  const [person] = await tx
    .select({
      id: people.id,
      name: people.name,
      slackUserId: people.slackUserId,
      usageLocation: people.usageLocation,
      tenantPersonId: people.tenantPersonId,
      defaultUsageLocation: workspaces.defaultUsageLocation,
      restoreWindowDays: workspaces.restoreWindowDays,
    })
    .from(people)
    .innerJoin(workspaces, eq(workspaces.id, people.workspaceId))
    .where(and(eq(people.workspaceId, input.workspaceId), eq(people.id, input.personId)))
    .for("update", { of: people });
  if (!person) return null;
  const held = await tx
    .select({ id: products.id, key: products.key, name: products.name })
    .from(assignments)
    .innerJoin(products, eq(products.id, assignments.productId))
    .where(and(eq(assignments.workspaceId, input.workspaceId), eq(assignments.personId, input.personId)));
  const { defaultUsageLocation, restoreWindowDays, ...own } = person;
  return {
    person: own,
    effectiveLocation: own.usageLocation ?? defaultUsageLocation,
    restoreWindowDays,
    held,
  };
}

/**
 * What moving the person to `to` would take away (rule 4 through rule 6): the data of services the
 * products they hold no longer run there, by the same rule as any removal (services-at-risk.ts),
 * each service once, under the product that carried it.
 */
export async function locationChangeWarning(
  tx: Tx,
  workspaceId: string,
  ctx: LocationChangeContext,
  to: string,
  now: Date,
): Promise<LocationChangeWarning> {
  const pairs = ctx.held.map((p) => ({ personId: ctx.person.id, productId: p.id }));
  // Every held product "removed" and held again: only what the new location no longer runs is lost.
  const warnings = await loadRemovalWarnings(
    tx,
    {
      workspaceId,
      restoreWindowDays: ctx.restoreWindowDays,
      people: new Map([[ctx.person.id, ctx.person]]),
      products: new Map(ctx.held.map((p) => [p.id, p])),
    },
    { removals: pairs, additions: pairs },
    now,
    to,
  );
  const losses = (pick: "lost" | "survives") =>
    warnings.flatMap((w) =>
      w[pick].map((d) => ({
        service: { key: d.service.key, name: d.service.name },
        product: w.product,
        description: d.description,
      })),
    );
  return {
    person: { id: ctx.person.id, name: ctx.person.name, slackUserId: ctx.person.slackUserId },
    from: ctx.effectiveLocation,
    to,
    goneForGoodAt: addDays(now, ctx.restoreWindowDays),
    lost: losses("lost"),
    survives: losses("survives"),
  };
}

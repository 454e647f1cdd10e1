import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { Actor } from "./actor.ts";
import { actorAdministers } from "./may-administer.ts";
import { type Failure, fail, isUuid, type Tx } from "./outcome.ts";
import { type PlanInfo, planInfoRow } from "./service-plans.ts";

export interface AssignmentContext {
  workspaceId: string;
  restoreWindowDays: number;
  person: { id: string; name: string; slackUserId: string; active: boolean; usageLocation: string | null };
  product: { id: string; key: string; name: string; purchasedSeats: number; assignedSeats: number };
  /** The services the product carries. */
  plans: PlanInfo[];
  /** `fromGroup`: the tenant group the license comes from, which alone can take it away. */
  assignment: { id: string; assignedAt: Date; fromGroup: string | null } | null;
  /**
   * The person's open restore windows, row-locked: a purge of one waits for this transaction, or
   * has finished and the window is not listed.
   */
  openWindows: { id: string; purgeAt: Date }[];
  /** Rule 10 for the actor given, read in the same statement; null when none was given. */
  actorAdministers: boolean | null;
}

type Row = Omit<AssignmentContext, "workspaceId" | "product" | "assignment" | "openWindows"> & {
  product: AssignmentContext["product"] | null;
  assignment: { id: string; assignedAt: string; fromGroup: string | null } | null;
  openWindows: { id: string; purgeAt: string }[];
};

const contextRow: z.ZodType<Row> = z.object({
  restoreWindowDays: z.number(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    slackUserId: z.string(),
    active: z.boolean(),
    usageLocation: z.string().nullable(),
  }),
  product: z
    .object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      purchasedSeats: z.number(),
      assignedSeats: z.number(),
    })
    .nullable(),
  plans: z.array(planInfoRow),
  assignment: z
    .object({ id: z.string(), assignedAt: z.string(), fromGroup: z.string().nullable() })
    .nullable(),
  openWindows: z.array(z.object({ id: z.string(), purgeAt: z.string() })),
  actorAdministers: z.boolean().nullable(),
});

/**
 * Everything a single assign, remove or preview needs about one person and one product, in one
 * round trip. The person's usage location falls back to the workspace default.
 */
export async function loadAssignmentContext(
  db: Database | Tx,
  input: { workspaceId: string; personId: string; productId: string; actor?: Actor },
): Promise<AssignmentContext | Failure<"UNKNOWN_PERSON" | "UNKNOWN_PRODUCT">> {
  if (!isUuid(input.personId)) return fail("UNKNOWN_PERSON");
  if (!isUuid(input.productId)) return fail("UNKNOWN_PRODUCT");
  const { workspaceId, personId, productId } = input;
  const [row] = await queryRows(
    db,
    sql`
      select
        json_build_object('id', p.id, 'name', p.name, 'slackUserId', p.slack_user_id, 'active', p.active,
          'usageLocation', coalesce(p.usage_location, w.default_usage_location)) as person,
        w.restore_window_days as "restoreWindowDays",
        (select json_build_object('id', pr.id, 'key', pr.key, 'name', pr.name,
            'purchasedSeats', pr.purchased_seats, 'assignedSeats', pr.assigned_seats)
          from products pr where pr.id = ${productId} and pr.workspace_id = w.id) as product,
        (select coalesce(json_agg(json_build_object('id', s.id, 'key', s.key, 'name', s.name, 'kind', s.kind,
            'dataDescription', s.data_description, 'dataSurvivesRemoval', s.data_survives_removal,
            'unavailableLocations', s.unavailable_locations, 'installLimit', s.install_limit) order by s.key), '[]')
          from product_services ps join services s on s.id = ps.service_id
          where ps.product_id = ${productId} and ps.workspace_id = w.id) as plans,
        (select json_build_object('id', a.id, 'assignedAt', a.assigned_at,
            'fromGroup', coalesce(a.from_group_name, a.from_group_id))
          from assignments a where a.person_id = p.id and a.product_id = ${productId}) as assignment,
        (select coalesce(json_agg(json_build_object('id', rw.id, 'purgeAt', rw.purge_at)), '[]')
          from (select id, purge_at from restore_windows
            where person_id = p.id and status = 'open' for no key update) rw) as "openWindows",
        ${input.actor ? actorAdministers(workspaceId, input.actor) : sql`null::boolean`} as "actorAdministers"
      from people p join workspaces w on w.id = p.workspace_id
      where p.workspace_id = ${workspaceId} and p.id = ${personId}`,
    contextRow,
    { prepareAs: "assignment_context" },
  );
  if (!row) return fail("UNKNOWN_PERSON");
  if (!row.product) return fail("UNKNOWN_PRODUCT");
  return {
    ...row,
    workspaceId,
    product: row.product,
    assignment: row.assignment && { ...row.assignment, assignedAt: new Date(row.assignment.assignedAt) },
    openWindows: row.openWindows.map((w) => ({ id: w.id, purgeAt: new Date(w.purgeAt) })),
  };
}

/** The person and product a refusal about this context names (the words name them, not ids). */
export function failureAbout(ctx: Pick<AssignmentContext, "person" | "product">) {
  return {
    person: { id: ctx.person.id, name: ctx.person.name, slackUserId: ctx.person.slackUserId },
    product: { id: ctx.product.id, key: ctx.product.key, name: ctx.product.name },
  };
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { type ServiceDataStatus, serviceDataStatus } from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import { actorAdministers } from "./may-administer.ts";
import { type Failure, fail, isUuid, type Tx } from "./outcome.ts";
import { type PlanInfo, planInfoRow } from "./service-plans.ts";

export interface AssignmentContext {
  workspaceId: string;
  restoreWindowDays: number;
  person: { id: string; name: string; slackUserId: string; active: boolean; usageLocation: string | null };
  product: { id: string; key: string; name: string; purchasedSeats: number; assignedSeats: number };
  plans: PlanInfo[];
  assignment: { id: string; assignedAt: Date } | null;
  openWindow: { id: string; removedAt: Date; purgeAt: Date } | null;
  serviceData: {
    planId: string;
    status: ServiceDataStatus;
    mailboxSizeMb: number | null;
    devices: number;
  }[];
  /** Rule 10 for the actor given, read in the same statement; null when none was given. */
  actorAdministers: boolean | null;
}

type Row = Omit<AssignmentContext, "workspaceId" | "product" | "assignment" | "openWindow"> & {
  product: AssignmentContext["product"] | null;
  assignment: { id: string; assignedAt: string } | null;
  openWindow: { id: string; removedAt: string; purgeAt: string } | null;
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
  assignment: z.object({ id: z.string(), assignedAt: z.string() }).nullable(),
  openWindow: z.object({ id: z.string(), removedAt: z.string(), purgeAt: z.string() }).nullable(),
  serviceData: z.array(
    z.object({
      planId: z.string(),
      status: z.enum(serviceDataStatus.enumValues),
      mailboxSizeMb: z.number().nullable(),
      devices: z.number(),
    }),
  ),
  actorAdministers: z.boolean().nullable(),
});

/**
 * Everything a single assign, remove or preview needs about one person and one product, in one
 * round trip. The person's usage location falls back to the workspace default.
 */
export async function loadAssignmentContext(
  db: Database | Tx,
  input: { workspaceId: string; personId: string; productId: string; actor?: Actor },
  options: { withServiceData: boolean } = { withServiceData: true },
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
        (select coalesce(json_agg(json_build_object('id', sp.id, 'key', sp.key, 'name', sp.name, 'kind', sp.kind,
            'dataDescription', sp.data_description, 'dataSurvivesRemoval', sp.data_survives_removal,
            'unavailableLocations', sp.unavailable_locations, 'installLimit', sp.install_limit) order by sp.key), '[]')
          from service_plans sp where sp.product_id = ${productId} and sp.workspace_id = w.id) as plans,
        (select json_build_object('id', a.id, 'assignedAt', a.assigned_at)
          from assignments a where a.person_id = p.id and a.product_id = ${productId}) as assignment,
        (select json_build_object('id', rw.id, 'removedAt', rw.removed_at, 'purgeAt', rw.purge_at)
          from restore_windows rw
          where rw.person_id = p.id and rw.product_id = ${productId} and rw.status = 'open') as "openWindow",
        ${options.withServiceData ? serviceDataColumn(productId) : sql`'[]'::json`} as "serviceData",
        ${input.actor ? actorAdministers(workspaceId, input.actor) : sql`null::boolean`} as "actorAdministers"
      from people p join workspaces w on w.id = p.workspace_id
      where p.workspace_id = ${workspaceId} and p.id = ${personId}`,
    contextRow,
    { prepareAs: options.withServiceData ? "assignment_context_with_data" : "assignment_context" },
  );
  if (!row) return fail("UNKNOWN_PERSON");
  if (!row.product) return fail("UNKNOWN_PRODUCT");
  return {
    ...row,
    workspaceId,
    product: row.product,
    assignment: row.assignment && { id: row.assignment.id, assignedAt: new Date(row.assignment.assignedAt) },
    openWindow: row.openWindow && {
      id: row.openWindow.id,
      removedAt: new Date(row.openWindow.removedAt),
      purgeAt: new Date(row.openWindow.purgeAt),
    },
    serviceData: row.serviceData.map((d) => ({ ...d, devices: Number(d.devices) })),
  };
}

/** What the person's data for the product holds; an assign has no use for it, a removal does. */
function serviceDataColumn(productId: string) {
  return sql`(select coalesce(json_agg(json_build_object('planId', sd.service_plan_id, 'status', sd.status,
      'mailboxSizeMb', sd.mailbox_size_mb,
      'devices', (select count(*) from device_installs di
        where di.person_id = sd.person_id and di.service_plan_id = sd.service_plan_id))), '[]')
    from service_data sd join service_plans sp on sp.id = sd.service_plan_id
    where sd.person_id = p.id and sp.product_id = ${productId})`;
}

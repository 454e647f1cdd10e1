import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { type RequestStatus, requestStatus } from "../../db/schema/index.ts";
import { isUuid } from "../outcome.ts";
import { type SeatUsage, seatUsage } from "../seat-usage.ts";
import {
  type PlanInfo,
  planInfoRow,
  planSummary,
  type SkippedPlan,
  splitPlansByLocation,
} from "../service-plans.ts";

interface NamedPerson {
  id: string;
  name: string;
  slackUserId: string;
}

/** What an approver needs to decide a request, read as it is now. */
export interface RequestSummary {
  id: string;
  workspaceId: string;
  /** False once the app was uninstalled there: nothing is posted to it any more. */
  workspaceActive: boolean;
  status: RequestStatus;
  reason: string;
  createdAt: Date;
  requester: NamedPerson;
  person: NamedPerson & { usageLocation: string | null };
  product: { id: string; key: string; name: string };
  seats: SeatUsage;
  /** Rule 3 and 4: what approving turns on at the person's usage location, and what it skips. */
  provisioned: ReturnType<typeof planSummary>[];
  skipped: (ReturnType<typeof planSummary> & { reason: SkippedPlan["reason"]; location: string })[];
  /** Who decided and when, once the request is no longer pending. */
  decision: { by: { name: string; slackUserId: string } | null; at: Date | null; note: string | null } | null;
}

interface Row {
  id: string;
  workspaceActive: boolean;
  status: RequestStatus;
  reason: string;
  createdAt: string;
  requester: NamedPerson;
  person: NamedPerson & { usageLocation: string | null };
  product: { id: string; key: string; name: string; purchased: number; assigned: number };
  plans: PlanInfo[];
  decidedBy: { name: string; slackUserId: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

const namedPersonRow = z.object({ id: z.string(), name: z.string(), slackUserId: z.string() });
const summaryRow: z.ZodType<Row> = z.object({
  id: z.string(),
  workspaceActive: z.boolean(),
  status: z.enum(requestStatus.enumValues),
  reason: z.string(),
  createdAt: z.string(),
  requester: namedPersonRow,
  person: namedPersonRow.extend({ usageLocation: z.string().nullable() }),
  product: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    purchased: z.number(),
    assigned: z.number(),
  }),
  plans: z.array(planInfoRow),
  decidedBy: z.object({ name: z.string(), slackUserId: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

/**
 * One request with its people, product, seats and what approval would provision, in one round
 * trip. Read-only: deciding re-reads and locks everything itself.
 */
export async function loadRequestSummary(
  db: Database,
  input: { workspaceId: string; requestId: string },
): Promise<RequestSummary | null> {
  if (!isUuid(input.requestId)) return null;
  const [row] = await queryRows(
    db,
    sql`
      select r.id, w.active as "workspaceActive", r.status, r.reason, r.created_at as "createdAt",
        json_build_object('id', rq.id, 'name', rq.name, 'slackUserId', rq.slack_user_id) as requester,
        json_build_object('id', p.id, 'name', p.name, 'slackUserId', p.slack_user_id,
          'usageLocation', coalesce(p.usage_location, w.default_usage_location)) as person,
        json_build_object('id', pr.id, 'key', pr.key, 'name', pr.name,
          'purchased', pr.purchased_seats, 'assigned', pr.assigned_seats) as product,
        (select coalesce(json_agg(json_build_object('id', sp.id, 'key', sp.key, 'name', sp.name, 'kind', sp.kind,
            'dataDescription', sp.data_description, 'dataSurvivesRemoval', sp.data_survives_removal,
            'unavailableLocations', sp.unavailable_locations, 'installLimit', sp.install_limit) order by sp.key), '[]')
          from product_services ps join services sp on sp.id = ps.service_id where ps.product_id = pr.id) as plans,
        (select json_build_object('name', d.name, 'slackUserId', d.slack_user_id)
          from people d where d.id = r.decided_by) as "decidedBy",
        r.decided_at as "decidedAt", r.decision_note as "decisionNote"
      from license_requests r
        join workspaces w on w.id = r.workspace_id
        join people rq on rq.id = r.requester_id
        join people p on p.id = r.person_id
        join products pr on pr.id = r.product_id
      where r.workspace_id = ${input.workspaceId} and r.id = ${input.requestId}`,
    summaryRow,
  );
  if (!row) return null;
  const location = row.person.usageLocation;
  const split = location ? splitPlansByLocation(row.plans, location) : { enabled: [], skipped: [] };
  const { purchased, assigned, ...product } = row.product;
  return {
    id: row.id,
    workspaceId: input.workspaceId,
    workspaceActive: row.workspaceActive,
    status: row.status,
    reason: row.reason,
    createdAt: new Date(row.createdAt),
    requester: row.requester,
    person: row.person,
    product,
    seats: seatUsage(purchased, assigned),
    provisioned: split.enabled.map(planSummary),
    skipped: split.skipped.map((s) => ({ ...planSummary(s.plan), reason: s.reason, location: s.location })),
    decision:
      row.status === "pending"
        ? null
        : {
            by: row.decidedBy,
            at: row.decidedAt === null ? null : new Date(row.decidedAt),
            note: row.decisionNote,
          },
  };
}

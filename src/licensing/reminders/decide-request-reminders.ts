import { sql } from "drizzle-orm";
import { z } from "zod";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { tellAdmins } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";

const dueRequestRow = z.object({
  requestId: z.string(),
  createdAt: dbTimestamp,
  requester: z.string(),
  person: z.string(),
  product: z.string(),
});

/**
 * Requests pending longer than the workspace allows (2 days by default) are brought to the
 * approvers again, once each, in one digest with the buttons to decide them.
 */
export async function decideRequestReminders(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`with fresh as (
          insert into reminders (workspace_id, kind, subject_id, step, decided_at)
          select r.workspace_id, 'request_pending', r.id, 'waiting', ${now}
          from license_requests r join workspaces ws on ws.id = r.workspace_id
          where r.workspace_id = ${input.workspaceId} and r.status = 'pending' and r.expires_at > ${now}
            and r.created_at <= ${now}::timestamptz - make_interval(days => ws.request_reminder_after_days)
          on conflict do nothing
          returning subject_id
        )
        select r.id as "requestId", r.created_at as "createdAt", q.name as requester, p.name as person,
               pr.name as product
        from fresh f
        join license_requests r on r.id = f.subject_id
        join people q on q.id = r.requester_id
        join people p on p.id = r.person_id
        join products pr on pr.id = r.product_id
        order by r.created_at`,
    dueRequestRow,
  );
  if (rows.length === 0) return 0;
  const items = rows.map((row) => ({
    requestId: row.requestId,
    requester: row.requester,
    person: row.person,
    product: row.product,
    createdAt: new Date(row.createdAt).toISOString(),
  }));
  await tellAdmins(tx, now, input, { kind: "requests_waiting", items });
  return rows.length;
}

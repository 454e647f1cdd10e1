import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import type { Clock } from "../clock.ts";
import { type Limited, limited, toDate } from "./limited.ts";

export interface PendingRequestRow {
  id: string;
  requester: { name: string; slackUserId: string };
  person: { name: string; slackUserId: string };
  product: { id: string; name: string };
  reason: string;
  createdAt: Date;
  expiresAt: Date;
}

interface Row {
  id: string;
  requesterName: string;
  requesterUserId: string;
  personName: string;
  personUserId: string;
  productId: string;
  productName: string;
  reason: string;
  createdAt: Date | string;
  expiresAt: Date | string;
  total: number;
}

const pendingRow: z.ZodType<Row> = z.object({
  id: z.string(),
  requesterName: z.string(),
  requesterUserId: z.string(),
  personName: z.string(),
  personUserId: z.string(),
  productId: z.string(),
  productName: z.string(),
  reason: z.string(),
  createdAt: dbTimestamp,
  expiresAt: dbTimestamp,
  total: z.number(),
});

/** Requests still waiting for an admin, oldest first (they expire first), the first `limit` of them. */
export async function listPendingRequests(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; limit: number },
): Promise<Limited<PendingRequestRow>> {
  const rows = await queryRows(
    db,
    sql`select r.id, rq.name as "requesterName", rq.slack_user_id as "requesterUserId",
          p.name as "personName", p.slack_user_id as "personUserId",
          pr.id as "productId", pr.name as "productName", r.reason,
          r.created_at as "createdAt", r.expires_at as "expiresAt",
          (count(*) over ())::int as total
        from license_requests r
        join people rq on rq.id = r.requester_id
        join people p on p.id = r.person_id
        join products pr on pr.id = r.product_id
        where r.workspace_id = ${input.workspaceId} and r.status = 'pending'
          and r.expires_at > ${clock.now().toISOString()}::timestamptz
        order by r.created_at, r.id
        limit ${input.limit}`,
    pendingRow,
  );
  return limited(rows, (r) => ({
    id: r.id,
    requester: { name: r.requesterName, slackUserId: r.requesterUserId },
    person: { name: r.personName, slackUserId: r.personUserId },
    product: { id: r.productId, name: r.productName },
    reason: r.reason,
    createdAt: toDate(r.createdAt),
    expiresAt: toDate(r.expiresAt),
  }));
}

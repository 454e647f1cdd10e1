import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { type RequestStatus, requestStatus } from "../../db/schema/index.ts";
import { type Limited, limited, toDate } from "./limited.ts";

export interface OwnRequestRow {
  id: string;
  status: RequestStatus;
  product: { id: string; name: string };
  /** Null when the request is for the viewer themselves. */
  forPerson: { name: string; slackUserId: string } | null;
  createdAt: Date;
  decidedAt: Date | null;
}

interface Row {
  id: string;
  status: RequestStatus;
  productId: string;
  productName: string;
  forSelf: boolean;
  personName: string;
  personUserId: string;
  createdAt: Date | string;
  decidedAt: Date | string | null;
  total: number;
}

const ownRequestRow: z.ZodType<Row> = z.object({
  id: z.string(),
  status: z.enum(requestStatus.enumValues),
  productId: z.string(),
  productName: z.string(),
  forSelf: z.boolean(),
  personName: z.string(),
  personUserId: z.string(),
  createdAt: dbTimestamp,
  decidedAt: dbTimestamp.nullable(),
  total: z.number(),
});

/** Requests a person filed or that name them: the waiting ones first, then the newest. */
export async function listOwnRequests(
  db: Database,
  input: { workspaceId: string; personId: string; limit: number },
): Promise<Limited<OwnRequestRow>> {
  const rows = await queryRows(
    db,
    sql`select r.id, r.status, pr.id as "productId", pr.name as "productName",
          r.person_id = ${input.personId} as "forSelf", p.name as "personName",
          p.slack_user_id as "personUserId", r.created_at as "createdAt", r.decided_at as "decidedAt",
          (count(*) over ())::int as total
        from license_requests r
        join products pr on pr.id = r.product_id
        join people p on p.id = r.person_id
        where r.workspace_id = ${input.workspaceId}
          and (r.person_id = ${input.personId} or r.requester_id = ${input.personId})
        order by r.status = 'pending' desc, r.created_at desc, r.id
        limit ${input.limit}`,
    ownRequestRow,
  );
  return limited(rows, (r) => ({
    id: r.id,
    status: r.status,
    product: { id: r.productId, name: r.productName },
    forPerson: r.forSelf ? null : { name: r.personName, slackUserId: r.personUserId },
    createdAt: toDate(r.createdAt),
    decidedAt: r.decidedAt === null ? null : toDate(r.decidedAt),
  }));
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows.ts";
import { tellAdmins } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";

const lowSeatRow = z.object({ product: z.string(), available: z.number(), purchased: z.number() });

/**
 * Products whose available seats are below their threshold are reported once per day (in the
 * workspace's time zone) that they stay low.
 */
export async function decideLowSeatReports(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`with fresh as (
          insert into reminders (workspace_id, kind, subject_id, step, decided_at)
          select p.workspace_id, 'low_seats', p.id,
                 to_char(${now}::timestamptz at time zone ws.time_zone, 'YYYY-MM-DD'), ${now}
          from products p join workspaces ws on ws.id = p.workspace_id
          where p.workspace_id = ${input.workspaceId}
            and p.purchased_seats - p.assigned_seats < p.low_seat_threshold
          on conflict do nothing
          returning subject_id
        )
        select p.name as product, p.purchased_seats - p.assigned_seats as available,
               p.purchased_seats as purchased
        from fresh f join products p on p.id = f.subject_id
        order by p.purchased_seats - p.assigned_seats, p.name`,
    lowSeatRow,
  );
  if (rows.length === 0) return 0;
  await tellAdmins(tx, now, input, { kind: "low_seats", items: rows });
  return rows.length;
}

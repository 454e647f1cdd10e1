import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { type NonUserMailboxKind, nonUserMailboxKind } from "../../db/schema/index.ts";
import { addDays, type Clock } from "../clock.ts";
import { type Limited, limited, toDate } from "./limited.ts";

export interface MailboxNearLockRow {
  id: string;
  address: string;
  kind: NonUserMailboxKind;
  sizeMb: number;
  quotaMb: number;
  lockAt: Date;
}

interface Row {
  id: string;
  address: string;
  kind: NonUserMailboxKind;
  sizeMb: number;
  quotaMb: number;
  lockAt: Date | string;
  total: number;
}

const nearLockRow: z.ZodType<Row> = z.object({
  id: z.string(),
  address: z.string(),
  kind: z.enum(nonUserMailboxKind.enumValues),
  sizeMb: z.number(),
  quotaMb: z.number(),
  lockAt: dbTimestamp,
  total: z.number(),
});

/**
 * Rule 8: unlicensed non-user mailboxes over quota whose lock falls within `days` of now (or is
 * already due and waits for the job), soonest first.
 */
export async function listMailboxesNearLock(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; days: number; limit: number },
): Promise<Limited<MailboxNearLockRow>> {
  const rows = await queryRows(
    db,
    sql`select m.id, m.address, m.kind, m.size_mb as "sizeMb",
          coalesce(m.quota_mb, ws.non_user_mailbox_quota_mb) as "quotaMb", m.lock_at as "lockAt",
          (count(*) over ())::int as total
        from non_user_mailboxes m join workspaces ws on ws.id = m.workspace_id
        where m.workspace_id = ${input.workspaceId} and m.lock_at is not null and m.locked_at is null
          and m.licensed_product_id is null
          and m.lock_at <= ${addDays(clock.now(), input.days).toISOString()}::timestamptz
        order by m.lock_at, m.address
        limit ${input.limit}`,
    nearLockRow,
  );
  return limited(rows, (r) => ({
    id: r.id,
    address: r.address,
    kind: r.kind,
    sizeMb: Number(r.sizeMb),
    quotaMb: Number(r.quotaMb),
    lockAt: toDate(r.lockAt),
  }));
}

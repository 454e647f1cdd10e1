import { sql } from "drizzle-orm";
import { z } from "zod";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { tellAdmins } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";

const dueMailboxRow = z.object({
  mailboxId: z.string(),
  late: z.boolean(),
  daysLeft: z.number(),
  lockAt: dbTimestamp,
  address: z.string(),
  sizeMb: z.number(),
});

/**
 * Non-user mailboxes over quota, warned 7 and 1 calendar days (per workspace, in its time zone) before they lock: the nearest
 * day that has come is decided once per mailbox, with a row per mailbox and day, and the admins get
 * one digest offering to license them. The step names the time over quota it belongs to
 * (`7@<when it went over>`), so a mailbox that went back under and over again is warned again.
 */
export async function decideMailboxWarnings(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`with due as (
          select m.id, min(d) as step,
                 coalesce(extract(epoch from m.over_quota_since)::bigint, 0)::text as episode,
                 (m.lock_at at time zone ws.time_zone)::date
                   - (${now}::timestamptz at time zone ws.time_zone)::date as days_left
          from non_user_mailboxes m
          join workspaces ws on ws.id = m.workspace_id
          cross join lateral unnest(ws.mailbox_warning_days) as d
          where m.workspace_id = ${input.workspaceId} and m.locked_at is null
            and m.licensed_product_id is null and m.lock_at > ${now}
            -- Bounded by the end of the latest warning day, so the index reads only the mailboxes due.
            and m.lock_at < (
              select ((${now}::timestamptz at time zone b.time_zone)::date
                      + (select max(x) from unnest(b.mailbox_warning_days) as x) + 1)::timestamp
                     at time zone b.time_zone
              from workspaces b where b.id = ${input.workspaceId})
            and (m.lock_at at time zone ws.time_zone)::date - d
                <= (${now}::timestamptz at time zone ws.time_zone)::date
          group by m.id, m.lock_at, m.over_quota_since, ws.time_zone
        ),
        fresh as (
          insert into reminders (workspace_id, kind, subject_id, step, decided_at, late)
          select ${input.workspaceId}, 'mailbox_lock', due.id, due.step || '@' || due.episode, ${now},
                 due.days_left < due.step
          from due
          where not exists (
            select 1 from reminders r
            where r.kind = 'mailbox_lock' and r.subject_id = due.id
              and split_part(r.step, '@', 2) = due.episode
              and case when split_part(r.step, '@', 1) ~ '^[0-9]+$' then split_part(r.step, '@', 1)::int end
                  <= due.step)
          on conflict do nothing
          returning subject_id, late
        )
        select f.subject_id as "mailboxId", f.late, d.days_left as "daysLeft", m.lock_at as "lockAt", m.address, m.size_mb as "sizeMb"
        from fresh f join due d on d.id = f.subject_id join non_user_mailboxes m on m.id = f.subject_id
        order by m.lock_at, m.address`,
    dueMailboxRow,
  );
  if (rows.length === 0) return 0;
  const items = rows.map((row) => {
    const lockAt = new Date(row.lockAt);
    return {
      mailboxId: row.mailboxId,
      address: row.address,
      lockAt: lockAt.toISOString(),
      daysLeft: row.daysLeft,
      late: row.late,
      sizeMb: row.sizeMb,
    };
  });
  await tellAdmins(tx, now, input, { kind: "mailbox_warnings", items });
  return rows.length;
}

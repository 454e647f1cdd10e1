import { sql } from "drizzle-orm";
import { z } from "zod";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { digestKey, enqueueNotices, type OutgoingNotice } from "../outbox/enqueue.ts";
import type { WindowReminderItem } from "../outbox/notices.ts";
import { adminRecipients } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";

const dueWindowRow = z.object({
  windowId: z.string(),
  late: z.boolean(),
  daysLeft: z.number(),
  purgeAt: dbTimestamp,
  remover: z.string().nullable(),
  person: z.string(),
  product: z.string(),
  data: z.array(z.object({ service: z.string(), kind: z.string(), mailboxSizeMb: z.number().nullable() })),
});

/**
 * Restore windows nearing their end (rule 6): for each open window, the nearest reminder day that
 * has come (7, 3 or 1 calendar days before its end, in the workspace's time zone, so that the
 * daily run finds it whatever the hour of the end) is decided once — a row per window and day,
 * inserted here — and the admins get one digest. After downtime only the nearest overdue day is
 * sent, marked late; days it overtook are never sent. The admin who removed the license is told too.
 */
export async function decideRestoreReminders(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`with due as (
          select w.id, min(d) as step,
                 (w.purge_at at time zone ws.time_zone)::date
                   - (${now}::timestamptz at time zone ws.time_zone)::date as days_left
          from restore_windows w
          join workspaces ws on ws.id = w.workspace_id
          cross join lateral unnest(ws.restore_reminder_days) as d
          where w.workspace_id = ${input.workspaceId} and w.status = 'open' and w.purge_at > ${now}
            -- Bounded by the end of the latest reminder day, so the index reads only the windows due.
            and w.purge_at < (
              select ((${now}::timestamptz at time zone b.time_zone)::date
                      + (select max(x) from unnest(b.restore_reminder_days) as x) + 1)::timestamp
                     at time zone b.time_zone
              from workspaces b where b.id = ${input.workspaceId})
            and (w.purge_at at time zone ws.time_zone)::date - d
                <= (${now}::timestamptz at time zone ws.time_zone)::date
          group by w.id, w.purge_at, ws.time_zone
        ),
        fresh as (
          insert into reminders (workspace_id, kind, subject_id, step, decided_at, late)
          select ${input.workspaceId}, 'restore_window', due.id, due.step::text, ${now}, due.days_left < due.step
          from due
          where not exists (
            select 1 from reminders r
            where r.kind = 'restore_window' and r.subject_id = due.id
              and case when r.step ~ '^[0-9]+$' then r.step::int end <= due.step)
          on conflict do nothing
          returning subject_id, late
        )
        select f.subject_id as "windowId", f.late, d.days_left as "daysLeft",
               -- The remover is told too, when it was a person (not an automatic offboarding) still active here.
               case when w.removed_by ~ '^[UW][A-Z0-9]{2,}$' and not exists (
                      select 1 from people rp
                      where rp.workspace_id = w.workspace_id and rp.slack_user_id = w.removed_by and not rp.active)
                    then w.removed_by end as "remover", w.purge_at as "purgeAt",
               p.name as person, pr.name as product,
               coalesce((
                 select json_agg(json_build_object(
                          'service', sp.name, 'kind', sp.kind, 'mailboxSizeMb', sd.mailbox_size_mb)
                        order by sp.name)
                 from service_data sd join services sp on sp.id = sd.service_id
                 where sd.restore_window_id = w.id and sd.status = 'retained'), '[]'::json) as data
        from fresh f
        join due d on d.id = f.subject_id
        join restore_windows w on w.id = f.subject_id
        join people p on p.id = w.person_id
        join products pr on pr.id = w.product_id
        order by w.purge_at, p.name`,
    dueWindowRow,
  );
  if (rows.length === 0) return 0;
  const items = rows.map((row) => {
    const purgeAt = new Date(row.purgeAt);
    const item: WindowReminderItem = {
      windowId: row.windowId,
      person: row.person,
      product: row.product,
      purgeAt: purgeAt.toISOString(),
      daysLeft: row.daysLeft,
      late: row.late,
      data: row.data,
    };
    return { item, remover: row.remover };
  });
  const admins = await adminRecipients(tx, input.workspaceId, input.approvalsChannel);
  const byReader = new Map<string, WindowReminderItem[]>(admins.map((a) => [a, items.map((i) => i.item)]));
  for (const { item, remover } of items) {
    if (remover === null || admins.includes(remover)) continue;
    byReader.set(remover, [...(byReader.get(remover) ?? []), item]);
  }
  const notices: OutgoingNotice[] = [...byReader].map(([channel, readerItems]) => ({
    workspaceId: input.workspaceId,
    dedupeKey: digestKey("restore_reminders", channel, now),
    channel,
    notice: { kind: "restore_reminders", items: readerItems },
  }));
  await enqueueNotices(tx, now, notices);
  return rows.length;
}

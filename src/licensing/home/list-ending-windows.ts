import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { type ServicePlanKind, servicePlanKind } from "../../db/schema/index.ts";
import { addDays, type Clock } from "../clock.ts";
import { type Limited, limited, toDate } from "./limited.ts";

/** What a restore window still holds, and so what its end deletes for good. */
export interface RetainedData {
  service: { key: string; name: string; kind: ServicePlanKind };
  description: string;
  mailboxSizeMb: number | null;
  devices: number;
}

export interface EndingWindowRow {
  id: string;
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; name: string };
  removedAt: Date;
  purgeAt: Date;
  lost: RetainedData[];
}

interface Row {
  id: string;
  personId: string;
  personName: string;
  personUserId: string;
  productId: string;
  productName: string;
  removedAt: Date | string;
  purgeAt: Date | string;
  lost: {
    key: string;
    name: string;
    kind: ServicePlanKind;
    description: string;
    mailboxSizeMb: number | null;
    devices: number | string;
  }[];
  total: number;
}

const endingRow: z.ZodType<Row> = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  personUserId: z.string(),
  productId: z.string(),
  productName: z.string(),
  removedAt: dbTimestamp,
  purgeAt: dbTimestamp,
  lost: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(servicePlanKind.enumValues),
      description: z.string(),
      mailboxSizeMb: z.number().nullable(),
      devices: z.union([z.number(), z.string()]),
    }),
  ),
  total: z.number(),
});

/**
 * Open restore windows whose data is deleted for good within `days` of now, soonest first, with
 * what each still holds. The windows are limited first, so only the shown ones read their data.
 */
export async function listEndingWindows(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; days: number; limit: number },
): Promise<Limited<EndingWindowRow>> {
  const now = clock.now();
  const rows = await queryRows(
    db,
    sql`with ending as (
          select w.id, w.person_id, w.product_id, w.removed_at, w.purge_at,
            p.name as person_name, p.slack_user_id, pr.name as product_name,
            (count(*) over ())::int as total
          from restore_windows w
          join people p on p.id = w.person_id
          join products pr on pr.id = w.product_id
          where w.workspace_id = ${input.workspaceId} and w.status = 'open'
            and w.purge_at > ${now.toISOString()}::timestamptz
            and w.purge_at <= ${addDays(now, input.days).toISOString()}::timestamptz
          order by w.purge_at, p.name, w.id
          limit ${input.limit}
        )
        select e.id, e.person_id as "personId", e.person_name as "personName", e.slack_user_id as "personUserId",
          e.product_id as "productId", e.product_name as "productName",
          e.removed_at as "removedAt", e.purge_at as "purgeAt", e.total,
          coalesce((
            select json_agg(json_build_object('key', sp.key, 'name', sp.name, 'kind', sp.kind,
                'description', sp.data_description, 'mailboxSizeMb', sd.mailbox_size_mb,
                'devices', (select count(*) from device_installs di
                  where di.person_id = sd.person_id and di.service_id = sd.service_id))
              order by sp.key)
            from service_data sd join services sp on sp.id = sd.service_id
            where sd.restore_window_id = e.id), '[]') as lost
        from ending e
        order by e.purge_at, e.person_name, e.id`,
    endingRow,
  );
  return limited(rows, (r) => ({
    id: r.id,
    person: { id: r.personId, name: r.personName, slackUserId: r.personUserId },
    product: { id: r.productId, name: r.productName },
    removedAt: toDate(r.removedAt),
    purgeAt: toDate(r.purgeAt),
    lost: r.lost.map((d) => ({
      service: { key: d.key, name: d.name, kind: d.kind },
      description: d.description,
      mailboxSizeMb: d.mailboxSizeMb,
      devices: Number(d.devices),
    })),
  }));
}

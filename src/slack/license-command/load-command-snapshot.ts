import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { ActingPerson } from "../../licensing/directory/acting-person.ts";
import type { ProductSeats } from "../../licensing/get-seat-usage.ts";
import { type Language, readerLanguage } from "../../licensing/language/reader-language.ts";
import { seatUsage } from "../../licensing/seat-usage.ts";
import type { KnownPerson } from "../directory/directory-lookup.ts";

/** What almost every command needs first, read in the statement that claims the command. */
export interface CommandSnapshot {
  /** False when this trigger id was seen before: a redelivery, to be ignored. */
  claimed: boolean;
  /** Every product with its seats, by name (rule 1). */
  products: ProductSeats[];
  /** The person typing, as the directory last recorded them; null when not known yet. */
  acting: ActingPerson | null;
  /** The people the command names by Slack id that the directory knows, by Slack id. */
  named: Map<string, KnownPerson>;
  /** Where people without a usage location of their own are taken to be (rule 4); null when unset. */
  defaultUsageLocation: string | null;
  /** Whether people are told by DM what they get or lose (rule 12). */
  personalNotices: boolean;
  /** The language the person typing reads (`readerLanguage`): every reply is written in it. */
  language: Language;
}

const snapshotRow = z.object({
  claimed: z.boolean(),
  products: z.array(
    z.object({
      productId: z.string(),
      key: z.string(),
      name: z.string(),
      isDefault: z.boolean(),
      purchased: z.number(),
      assigned: z.number(),
    }),
  ),
  acting: z
    .object({
      id: z.string(),
      name: z.string(),
      slackUserId: z.string(),
      active: z.boolean(),
      timeZone: z.string().nullable(),
      isAdmin: z.boolean(),
    })
    .nullable() satisfies z.ZodType<ActingPerson | null>,
  named: z.array(
    z.object({ id: z.string(), slackUserId: z.string(), name: z.string(), timeZone: z.string().nullable() }),
  ) satisfies z.ZodType<KnownPerson[]>,
  defaultUsageLocation: z.string().nullable(),
  personalNotices: z.boolean().nullable(),
  reader: z.object({ language: z.string().nullable(), slackLocale: z.string().nullable() }).nullable(),
  defaultLanguage: z.string().nullable(),
});

/**
 * Claims the command's delivery key and reads the workspace's products, the acting person and the
 * people the command names, in one round trip: they used to be four.
 */
export async function loadCommandSnapshot(
  db: Database,
  input: { workspaceId: string; key: string; at: Date; userId: string; named: string[] },
): Promise<CommandSnapshot> {
  const [row] = await queryRows(
    db,
    sql`with claim as (
          insert into slack_deliveries (workspace_id, key, received_at)
          values (${input.workspaceId}, ${input.key}, ${input.at})
          on conflict do nothing
          returning key
        )
        select exists (select 1 from claim) as claimed,
          coalesce((
            select json_agg(json_build_object(
                     'productId', p.id, 'key', p.key, 'name', p.name, 'isDefault', p.is_default,
                     'purchased', p.purchased_seats, 'assigned', p.assigned_seats)
                   order by p.name)
            from products p where p.workspace_id = ${input.workspaceId}), '[]'::json) as products,
          (select json_build_object(
                    'id', pe.id, 'name', pe.name, 'slackUserId', pe.slack_user_id, 'active', pe.active,
                    'timeZone', pe.time_zone,
                    'isAdmin', pe.active and (pe.is_slack_admin or pe.is_granted_admin))
           from people pe
           where pe.workspace_id = ${input.workspaceId} and pe.slack_user_id = ${input.userId}) as acting,
          coalesce((
            select json_agg(json_build_object(
                     'id', n.id, 'slackUserId', n.slack_user_id, 'name', n.name, 'timeZone', n.time_zone))
            from people n
            where n.workspace_id = ${input.workspaceId}
              and n.slack_user_id = any(${sql.param(input.named)}::text[])), '[]'::json) as named,
          (select w.default_usage_location from workspaces w
           where w.id = ${input.workspaceId}) as "defaultUsageLocation",
          (select w.personal_notices from workspaces w
           where w.id = ${input.workspaceId}) as "personalNotices",
          (select json_build_object('language', pe.language, 'slackLocale', pe.slack_locale)
           from people pe
           where pe.workspace_id = ${input.workspaceId} and pe.slack_user_id = ${input.userId}) as reader,
          (select w.default_language from workspaces w
           where w.id = ${input.workspaceId}) as "defaultLanguage"`,
    snapshotRow,
    { prepareAs: "command_snapshot" },
  );
  if (!row) throw new Error("the command snapshot returned no row");
  return {
    claimed: row.claimed,
    products: row.products.map(({ purchased, assigned, ...product }) => ({
      ...product,
      ...seatUsage(purchased, assigned),
    })),
    acting: row.acting,
    named: new Map(row.named.map((person) => [person.slackUserId, person])),
    defaultUsageLocation: row.defaultUsageLocation,
    // A workspace not recorded yet has the column's default.
    personalNotices: row.personalNotices ?? true,
    language: readerLanguage(row.reader, { defaultLanguage: row.defaultLanguage }),
  };
}

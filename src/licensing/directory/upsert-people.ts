import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";

export interface DirectoryPerson {
  slackUserId: string;
  name: string;
  email?: string | null;
  timeZone?: string | null;
  active?: boolean;
  isSlackAdmin?: boolean;
  /** Only set when the directory knows it; an admin's own setting otherwise stays. */
  usageLocation?: string | null;
  /** Slack's locale for the person ("sv-SE"), when the read asked for it; a read without keeps it. */
  slackLocale?: string | null;
}

/**
 * Records people as the directory describes them. Never touches what admins decide here: the
 * granted admin right, and a usage location the directory does not carry.
 */
export async function upsertPeople(
  db: Database,
  input: { workspaceId: string; people: DirectoryPerson[] },
): Promise<{ id: string; slackUserId: string }[]> {
  if (input.people.length === 0) return [];
  return db
    .insert(people)
    .values(
      input.people.map((p) => ({
        workspaceId: input.workspaceId,
        slackUserId: p.slackUserId,
        name: p.name,
        email: p.email ?? null,
        timeZone: p.timeZone ?? null,
        active: p.active ?? true,
        isSlackAdmin: p.isSlackAdmin ?? false,
        usageLocation: p.usageLocation ?? null,
        slackLocale: p.slackLocale ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [people.workspaceId, people.slackUserId],
      set: {
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        timeZone: sql`excluded.time_zone`,
        active: sql`excluded.active`,
        isSlackAdmin: sql`excluded.is_slack_admin`,
        usageLocation: sql`coalesce(excluded.usage_location, ${people.usageLocation})`,
        slackLocale: sql`coalesce(excluded.slack_locale, ${people.slackLocale})`,
      },
    })
    .returning({ id: people.id, slackUserId: people.slackUserId });
}

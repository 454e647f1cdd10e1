import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { Actor } from "../actor.ts";
import type { Clock } from "../clock.ts";
import { personDeactivated } from "./person-deactivated.ts";
import { personJoined } from "./person-joined.ts";
import { personReactivated } from "./person-reactivated.ts";
import type { DirectoryPerson } from "./upsert-people.ts";

export interface RecordDirectoryPeopleResult {
  recorded: number;
  /** Slack user ids offboarded now: deactivated in Slack, still active or licensed here. */
  deactivated: string[];
  /** Slack user ids active again after being deactivated here. */
  reactivated: string[];
  /** Slack user ids new to the directory that went through the join (rule 2: default products). */
  joined: string[];
}

const recordedRow = z.object({
  slackUserId: z.string(),
  activeHere: z.boolean(),
  holdsLicenses: z.boolean(),
  inserted: z.boolean(),
});

/**
 * Records what the directory says about people (name, email, time zone, admin status) in one
 * statement, then lets the domain handle who left and who came back. `active` is left alone for
 * people already known: offboarding and reactivation change it, each with its audit row, so a crash
 * between the two steps leaves the change still to do on the next sync rather than half done.
 * With `onboardNew`, people new to the directory get the join (default products, or the admins
 * told): a member whose `team_join` was missed while the app was down is not left without them.
 */
export async function recordDirectoryPeople(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; people: DirectoryPerson[]; actor: Actor; onboardNew?: boolean },
): Promise<RecordDirectoryPeopleResult> {
  const unique = [...new Map(input.people.map((p) => [p.slackUserId, p])).values()];
  if (unique.length === 0) return { recorded: 0, deactivated: [], reactivated: [], joined: [] };
  const column = (pick: (p: DirectoryPerson) => string | null) => sql.param(unique.map(pick));
  const rows = await queryRows(
    db,
    sql`with upserted as (
          insert into people (workspace_id, slack_user_id, name, email, time_zone, active, is_slack_admin,
            slack_locale)
          select ${input.workspaceId}, e.slack_user_id, e.name, e.email, e.time_zone, e.active::boolean,
            e.is_slack_admin::boolean, e.slack_locale
          from unnest(${column((p) => p.slackUserId)}::text[], ${column((p) => p.name)}::text[],
            ${column((p) => p.email ?? null)}::text[], ${column((p) => p.timeZone ?? null)}::text[],
            ${column((p) => String(p.active ?? true))}::text[],
            ${column((p) => String(p.isSlackAdmin ?? false))}::text[],
            ${column((p) => p.slackLocale ?? null)}::text[])
            as e(slack_user_id, name, email, time_zone, active, is_slack_admin, slack_locale)
          on conflict (workspace_id, slack_user_id) do update set
            name = excluded.name, email = excluded.email, time_zone = excluded.time_zone,
            is_slack_admin = excluded.is_slack_admin,
            slack_locale = coalesce(excluded.slack_locale, people.slack_locale)
          returning id, slack_user_id, active, (xmax = 0) as inserted
        )
        select u.slack_user_id as "slackUserId", u.active as "activeHere", u.inserted,
          exists (select 1 from assignments a where a.person_id = u.id) as "holdsLicenses"
        from upserted u`,
    recordedRow,
  );
  const bySlackId = new Map(unique.map((p) => [p.slackUserId, p]));
  const result: RecordDirectoryPeopleResult = {
    recorded: rows.length,
    deactivated: [],
    reactivated: [],
    joined: [],
  };
  for (const row of rows) {
    const person = bySlackId.get(row.slackUserId);
    const inSlack = person?.active ?? true;
    const target = { workspaceId: input.workspaceId, slackUserId: row.slackUserId, actor: input.actor };
    if (!inSlack && (row.activeHere || row.holdsLicenses)) {
      const outcome = await personDeactivated(db, clock, target);
      if (outcome.ok) result.deactivated.push(row.slackUserId);
    } else if (inSlack && !row.activeHere) {
      const outcome = await personReactivated(db, clock, target);
      if (outcome.ok) result.reactivated.push(row.slackUserId);
    } else if (inSlack && row.inserted && input.onboardNew && person) {
      const outcome = await personJoined(db, clock, {
        workspaceId: input.workspaceId,
        person,
        actor: input.actor,
      });
      if (outcome.ok) result.joined.push(row.slackUserId);
    }
  }
  return result;
}

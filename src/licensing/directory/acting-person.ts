import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { oncePerDatabase } from "../../db/prepared.ts";
import { people } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";

export interface ActingPerson {
  id: string;
  name: string;
  slackUserId: string;
  active: boolean;
  timeZone: string | null;
  /** Rule 10: a workspace admin or owner, or someone an admin granted the right. */
  isAdmin: boolean;
}

const actingPersonQuery = oncePerDatabase((db: Database | Tx) =>
  db
    .select({
      id: people.id,
      name: people.name,
      slackUserId: people.slackUserId,
      active: people.active,
      timeZone: people.timeZone,
      isSlackAdmin: people.isSlackAdmin,
      isGrantedAdmin: people.isGrantedAdmin,
    })
    .from(people)
    .where(
      and(
        eq(people.workspaceId, sql.placeholder("workspaceId")),
        eq(people.slackUserId, sql.placeholder("slackUserId")),
      ),
    )
    .prepare("load_acting_person"),
);

/** Who is acting, re-read from the database on every action rather than trusted from a payload. */
export async function loadActingPerson(
  db: Database | Tx,
  workspaceId: string,
  slackUserId: string,
): Promise<ActingPerson | null> {
  const [row] = await actingPersonQuery(db).execute({ workspaceId, slackUserId });
  if (!row) return null;
  const { isSlackAdmin, isGrantedAdmin, ...person } = row;
  return { ...person, isAdmin: row.active && (isSlackAdmin || isGrantedAdmin) };
}

import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
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

/** Who is acting, re-read from the database on every action rather than trusted from a payload. */
export async function loadActingPerson(
  db: Database | Tx,
  workspaceId: string,
  slackUserId: string,
): Promise<ActingPerson | null> {
  const [row] = await db
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
    .where(and(eq(people.workspaceId, workspaceId), eq(people.slackUserId, slackUserId)));
  if (!row) return null;
  const { isSlackAdmin, isGrantedAdmin, ...person } = row;
  return { ...person, isAdmin: row.active && (isSlackAdmin || isGrantedAdmin) };
}

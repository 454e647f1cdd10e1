import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { oncePerDatabase } from "../../db/prepared.ts";
import { people } from "../../db/schema/index.ts";
import { administers } from "../may-administer.ts";
import type { Tx } from "../outcome.ts";

export interface ActingPerson {
  id: string;
  name: string;
  slackUserId: string;
  active: boolean;
  timeZone: string | null;
  /** Rule 10, as `administers` decides it. */
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
      isAdmin: administers,
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
  return row ?? null;
}

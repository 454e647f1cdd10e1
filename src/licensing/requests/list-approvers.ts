import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import { administers } from "../may-administer.ts";
import type { Tx } from "../outcome.ts";

/** Rule 10: who may decide requests in a workspace, the active admins, by Slack user id. */
export async function listApprovers(
  db: Database | Tx,
  input: { workspaceId: string },
): Promise<{ personId: string; slackUserId: string }[]> {
  return db
    .select({ personId: people.id, slackUserId: people.slackUserId })
    .from(people)
    .where(and(eq(people.workspaceId, input.workspaceId), administers))
    .orderBy(asc(people.slackUserId));
}

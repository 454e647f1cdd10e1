import type { Database } from "../../db/client.ts";
import { type NewWorkspace, workspaces } from "../../db/schema/index.ts";

/** Creates the workspace on first sight; an existing one keeps its settings. */
export async function ensureWorkspace(db: Database, input: NewWorkspace): Promise<void> {
  await db.insert(workspaces).values(input).onConflictDoNothing({ target: workspaces.id });
}

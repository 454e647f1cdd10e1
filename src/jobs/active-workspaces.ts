import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { workspaces } from "../db/schema/index.ts";
import { acrossWorkspaces } from "../db/workspace-scope.ts";

/** The workspaces the jobs run for: the installed ones. */
export function activeWorkspaces(db: Database): Promise<{ workspaceId: string }[]> {
  return acrossWorkspaces(() =>
    db
      .select({ workspaceId: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.active, true))
      .orderBy(workspaces.id),
  );
}

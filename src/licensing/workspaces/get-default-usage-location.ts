import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";

/** The workspace's default usage location (rule 4), or null while none is set. */
export async function getDefaultUsageLocation(
  db: Database,
  input: { workspaceId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ location: workspaces.defaultUsageLocation })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  return row?.location ?? null;
}

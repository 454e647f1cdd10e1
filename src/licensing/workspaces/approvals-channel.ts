import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Tx } from "../outcome.ts";

/**
 * The channel a workspace's requests and admin notices go to, or undefined for each admin's DMs.
 * An admin's choice (a channel, or DMs) wins; until one is made, the process's setting applies.
 */
export async function approvalsChannelOf(
  db: Database | Tx,
  workspaceId: string,
  processSetting: string | undefined,
): Promise<string | undefined> {
  const [row] = await db
    .select({ route: workspaces.approvalsRoute, channelId: workspaces.approvalsChannelId })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (row?.route === "direct_messages") return undefined;
  if (row?.route === "channel" && row.channelId) return row.channelId;
  return processSetting;
}

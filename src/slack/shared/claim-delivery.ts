import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { oncePerDatabase } from "../../db/prepared.ts";
import { slackDeliveries } from "../../db/schema/index.ts";

const claimStatement = oncePerDatabase((db: Database) =>
  db
    .insert(slackDeliveries)
    .values({
      workspaceId: sql.placeholder("workspaceId"),
      key: sql.placeholder("key"),
      receivedAt: sql.placeholder("receivedAt"),
    })
    .onConflictDoNothing()
    .returning({ key: slackDeliveries.key })
    .prepare("claim_delivery"),
);

/**
 * True the first time a delivery key is seen, false on every repeat, across instances: Slack
 * redelivers and people double-click, and the effect must happen once.
 */
export async function claimDelivery(
  db: Database,
  input: { workspaceId: string; key: string; at: Date },
): Promise<boolean> {
  const claimed = await claimStatement(db).execute({
    workspaceId: input.workspaceId,
    key: input.key,
    receivedAt: input.at,
  });
  return claimed.length > 0;
}

/** Gives a key back after the effect failed, so that a redelivery may try again. */
export async function releaseDelivery(
  db: Database,
  input: { workspaceId: string; key: string },
): Promise<void> {
  await db
    .delete(slackDeliveries)
    .where(and(eq(slackDeliveries.workspaceId, input.workspaceId), eq(slackDeliveries.key, input.key)));
}

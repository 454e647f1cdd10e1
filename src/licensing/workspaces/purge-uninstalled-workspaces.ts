import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { slackDeliveries, slackInstallations, viewDrafts, workspaces } from "../../db/schema/index.ts";
import { acrossWorkspaces, withinWorkspace } from "../../db/workspace-scope.ts";
import { systemActor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import { addDays, type Clock } from "../clock.ts";
import { inTransaction } from "../outcome.ts";

/**
 * Deletes every workspace that has been inactive (uninstalled, tokens revoked) for more than
 * `retentionDays`: until then an export and a reinstall find everything as it was. One
 * transaction per workspace, which re-checks the workspace is still inactive and old enough, so a
 * reinstall that lands meanwhile wins. Deleting the workspace row cascades to every table that
 * belongs to it; the few rows with no foreign key (delivery claims, modal drafts, leftover
 * tokens) go explicitly. The audit log stays: it is append-only, has no foreign key on purpose,
 * and gets one more row saying the data was purged. Returns the purged workspace ids.
 */
export async function purgeUninstalledWorkspaces(
  db: Database,
  clock: Clock,
  input: { retentionDays: number },
): Promise<string[]> {
  const cutoff = addDays(clock.now(), -input.retentionDays);
  const due = and(eq(workspaces.active, false), lte(workspaces.deactivatedAt, cutoff));
  const candidates = await acrossWorkspaces(() =>
    db.select({ id: workspaces.id }).from(workspaces).where(due).orderBy(workspaces.id),
  );
  const purged: string[] = [];
  for (const { id } of candidates) {
    const done = await withinWorkspace(id, () =>
      inTransaction(db, async (tx) => {
        const [gone] = await tx
          .delete(workspaces)
          .where(and(eq(workspaces.id, id), due))
          .returning({ id: workspaces.id, deactivatedAt: workspaces.deactivatedAt });
        if (!gone) return false;
        await tx.delete(slackDeliveries).where(eq(slackDeliveries.workspaceId, id));
        await tx.delete(viewDrafts).where(eq(viewDrafts.workspaceId, id));
        await tx
          .delete(slackInstallations)
          .where(
            sql`${slackInstallations.teamId} = ${id} or (${slackInstallations.enterpriseId} = ${id} and ${slackInstallations.teamId} is null)`,
          );
        await writeAudit(tx, id, systemActor("job"), clock.now(), [
          {
            action: "workspace.purged",
            targetType: "workspace",
            targetId: id,
            before: { active: false, deactivatedAt: gone.deactivatedAt?.toISOString() ?? null },
            after: { retentionDays: input.retentionDays },
          },
        ]);
        return true;
      }),
    );
    if (done) purged.push(id);
  }
  return purged;
}

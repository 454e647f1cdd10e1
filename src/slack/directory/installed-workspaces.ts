import { isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { slackInstallations } from "../../db/schema/index.ts";
import { workspaceOf } from "../shared/workspace-of.ts";

export interface InstalledWorkspace {
  /** The workspace id the app keys its data by: the org's for an org-wide install. */
  id: string;
  name: string;
  enterpriseId?: string;
}

/** Every install that holds a bot token, as the workspace it serves (OAuth mode). */
export async function listInstalledWorkspaces(db: Database): Promise<InstalledWorkspace[]> {
  const rows = await db
    .select({
      teamId: slackInstallations.teamId,
      teamName: slackInstallations.teamName,
      enterpriseId: slackInstallations.enterpriseId,
      enterpriseName: slackInstallations.enterpriseName,
      isEnterpriseInstall: slackInstallations.isEnterpriseInstall,
    })
    .from(slackInstallations)
    .where(isNotNull(slackInstallations.botToken));
  return rows.flatMap((row) => {
    const id = workspaceOf({
      team_id: row.teamId,
      enterprise_id: row.enterpriseId,
      is_enterprise_install: row.isEnterpriseInstall,
    });
    if (!id) return [];
    const name = (row.isEnterpriseInstall ? row.enterpriseName : row.teamName) ?? id;
    return [{ id, name, ...(row.enterpriseId ? { enterpriseId: row.enterpriseId } : {}) }];
  });
}

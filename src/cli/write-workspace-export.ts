import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { workspaces } from "../db/schema/index.ts";
import { exportWorkspace } from "../licensing/export/export-workspace.ts";

export type WrittenExport =
  | { ok: true; active: boolean; files: { path: string; rows: number }[] }
  | { ok: false; code: "UNKNOWN_WORKSPACE" };

/**
 * `/license export` without Slack: the same four CSV files, written to `dir` and named as the
 * Slack export names them. For a workspace that uninstalled the app (and so cannot run the
 * command) until its data is purged.
 */
export async function writeWorkspaceExport(
  db: Database,
  input: { workspaceId: string; dir: string; date: string },
): Promise<WrittenExport> {
  const [workspace] = await db
    .select({ active: workspaces.active })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  if (!workspace) return { ok: false, code: "UNKNOWN_WORKSPACE" };
  const files = await exportWorkspace(db, { workspaceId: input.workspaceId });
  await mkdir(input.dir, { recursive: true });
  const written: { path: string; rows: number }[] = [];
  for (const file of files) {
    const path = join(input.dir, `license-desk-${file.table}-${input.date}.csv`);
    // The files name people: readable by their owner only.
    await writeFile(path, file.csv, { encoding: "utf8", mode: 0o600 });
    written.push({ path, rows: file.rows });
  }
  return { ok: true, active: workspace.active, files: written };
}

import { exportWorkspace } from "../../licensing/export/export-workspace.ts";
import { type CommandContext, requireAdmin } from "../license-command/command-context.ts";
import { describeError } from "../shared/logger.ts";

/**
 * `/license export`: the seats, assignments, restore windows and audit log as four CSV files,
 * uploaded to the admin's direct messages rather than the channel, since the log names people.
 */
export async function exportLicenses(ctx: CommandContext): Promise<void> {
  const { t } = ctx;
  if (!(await requireAdmin(ctx, "export"))) return;
  await ctx.reply({ text: t["export.working"]() });
  const files = await exportWorkspace(ctx.deps.db, { workspaceId: ctx.workspaceId });
  const date = ctx.deps.clock.now().toISOString().slice(0, 10);
  try {
    const dm = await ctx.client.conversations.open({ users: ctx.userId });
    const channel = dm.channel?.id as string;
    await ctx.client.filesUploadV2({
      channel_id: channel,
      initial_comment: t["export.comment"]({ date }),
      file_uploads: files.map((f) => ({
        file: Buffer.from(f.csv, "utf8"),
        filename: `license-desk-${f.table}-${date}.csv`,
        title: t[`export.title.${f.table}`](),
      })),
    });
  } catch (error) {
    ctx.deps.logger.error("export upload failed", { ...describeError(error), workspaceId: ctx.workspaceId });
    await ctx.reply({ text: t["export.failed"]() });
    return;
  }
  const summary = files.map((f) =>
    t["export.count"]({ title: t[`export.title.${f.table}`](), rows: f.rows }),
  );
  await ctx.reply({ text: t["export.done"]({ summary: summary.join(", ") }) });
}

import { setPersonalNotices } from "../../licensing/workspaces/set-personal-notices.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { type CommandContext, commandActor, requireAdmin } from "../license-command/command-context.ts";

/** `/license notices on|off`: whether people are told by DM what they get or lose (rule 12). */
export async function setNotices(ctx: CommandContext, input: { on: boolean }): Promise<void> {
  const { t } = ctx;
  if (!(await requireAdmin(ctx, "notices"))) return;
  const result = await setPersonalNotices(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    on: input.on,
    actor: commandActor(ctx),
  });
  if (!result.ok) return ctx.reply({ text: errorText(t, result.code) });
  return ctx.reply({ text: result.on ? t["notices.on"]() : t["notices.off"]() });
}

import { listMailboxes } from "../../licensing/mailboxes/list-mailboxes.ts";
import { type CommandContext, commandActingPerson } from "../license-command/command-context.ts";
import { buildMailboxesMessage } from "./mailboxes-list-message.ts";

/** `/license mailboxes`: anyone may look; admins also get the buttons that change something. */
export async function showMailboxes(ctx: CommandContext): Promise<void> {
  const [viewer, mailboxes] = await Promise.all([
    commandActingPerson(ctx),
    listMailboxes(ctx.deps.db, ctx.deps.clock, { workspaceId: ctx.workspaceId }),
  ]);
  await ctx.reply(buildMailboxesMessage(ctx.t, mailboxes, { withButtons: viewer?.isAdmin === true }));
}

import { listMailboxes } from "../../licensing/mailboxes/list-mailboxes.ts";
import { buildMailboxesMessage } from "../blocks/mailboxes-list-message.ts";

import { type CommandContext, commandActingPerson } from "./command-context.ts";

/** `/license mailboxes`: anyone may look; admins also get the buttons that change something. */
export async function showMailboxes(ctx: CommandContext): Promise<void> {
  const [viewer, mailboxes] = await Promise.all([
    commandActingPerson(ctx),
    listMailboxes(ctx.deps.db, ctx.deps.clock, { workspaceId: ctx.workspaceId }),
  ]);
  await ctx.reply(buildMailboxesMessage(mailboxes, { withButtons: viewer?.isAdmin === true }));
}

import { listMailboxes } from "../../licensing/mailboxes/list-mailboxes.ts";
import { buildMailboxesMessage } from "../blocks/mailboxes-list-message.ts";
import { actingPerson } from "../people/acting-admin.ts";
import type { CommandContext } from "./command-context.ts";

/** `/license mailboxes`: anyone may look; admins also get the buttons that change something. */
export async function showMailboxes(ctx: CommandContext): Promise<void> {
  const [viewer, mailboxes] = await Promise.all([
    actingPerson(ctx.deps, ctx.client, ctx.workspaceId, ctx.userId),
    listMailboxes(ctx.deps.db, ctx.deps.clock, { workspaceId: ctx.workspaceId }),
  ]);
  await ctx.reply(buildMailboxesMessage(mailboxes, { withButtons: viewer?.isAdmin === true }));
}

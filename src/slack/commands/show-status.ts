import { buildSeatStatusMessage } from "../blocks/build-seat-status-message.ts";
import type { CommandContext } from "./command-context.ts";

/** `/license status`: every product's seats, for anyone, as read with the command. */
export async function showStatus(ctx: CommandContext): Promise<void> {
  await ctx.reply(buildSeatStatusMessage(ctx.snapshot.products));
}

import type { CommandContext } from "../license-command/command-context.ts";
import { buildSeatStatusMessage } from "./build-seat-status-message.ts";

/** `/license status`: every product's seats, for anyone, as read with the command. */
export async function showStatus(ctx: CommandContext): Promise<void> {
  await ctx.reply(buildSeatStatusMessage(ctx.t, ctx.snapshot.products, ctx.snapshot));
}

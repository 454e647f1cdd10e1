import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import { buildSeatStatusMessage } from "../blocks/build-seat-status-message.ts";
import type { CommandContext } from "./command-context.ts";

/** `/license status`: every product's seats, for anyone. */
export async function showStatus(ctx: CommandContext): Promise<void> {
  const products = await getSeatUsage(ctx.deps.db, { workspaceId: ctx.workspaceId });
  await ctx.reply(buildSeatStatusMessage(products));
}

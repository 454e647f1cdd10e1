import type { CommandContext } from "../license-command/command-context.ts";
import { openProductsModal } from "./open-products-modal.ts";

/** `/license products`: the modal that adds a product or edits one (admins only, checked in it). */
export function manageProducts(ctx: CommandContext): Promise<void> {
  return openProductsModal(ctx.t, ctx.deps, ctx.client, {
    workspaceId: ctx.workspaceId,
    userId: ctx.userId,
    triggerId: ctx.triggerId,
    source: "command",
  });
}

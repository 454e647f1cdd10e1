import { openProductsModal } from "../products/open-products-modal.ts";
import type { CommandContext } from "./command-context.ts";

/** `/license products`: the modal that adds a product or edits one (admins only, checked in it). */
export function manageProducts(ctx: CommandContext): Promise<void> {
  return openProductsModal(ctx.deps, ctx.client, {
    workspaceId: ctx.workspaceId,
    userId: ctx.userId,
    triggerId: ctx.triggerId,
    source: "command",
  });
}

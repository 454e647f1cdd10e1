import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import { buildBulkFormModal } from "../blocks/bulk-form-modal.ts";
import { buildLoadingModal, buildNoticeModal } from "../blocks/notice-modal.ts";
import { en } from "../copy/en.ts";
import { type CommandContext, requireAdmin } from "./command-context.ts";

/** `/license bulk`: the form opens at once; the products fill it when they are read. */
export async function openBulkForm(ctx: CommandContext): Promise<void> {
  const opened = await ctx.client.views.open({ trigger_id: ctx.triggerId, view: buildLoadingModal() });
  const viewId = opened.view?.id as string;
  if (!(await requireAdmin(ctx, "bulk"))) {
    await ctx.client.views.update({ view_id: viewId, view: buildNoticeModal(en["error.NOT_ALLOWED"]()) });
    return;
  }
  const products = (await getSeatUsage(ctx.deps.db, { workspaceId: ctx.workspaceId })).map((p) => ({
    id: p.productId,
    name: p.name,
  }));
  if (products.length === 0) {
    await ctx.client.views.update({ view_id: viewId, view: buildNoticeModal(en["product.none"]()) });
    return;
  }
  await ctx.client.views.update({
    view_id: viewId,
    hash: opened.view?.hash,
    view: buildBulkFormModal({ products, privateMetadata: JSON.stringify({ workspaceId: ctx.workspaceId }) }),
  });
}

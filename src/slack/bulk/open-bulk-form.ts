import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { type CommandContext, commandActor } from "../license-command/command-context.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildBulkFormModal } from "./bulk-form-modal.ts";

/**
 * `/license bulk`: the form opens at once; the products fill it when they are read. A refusal is
 * shown in the modal that opened, not again as a reply.
 */
export async function openBulkForm(ctx: CommandContext): Promise<void> {
  const { t } = ctx;
  await showBulkForm(t, ctx.deps, ctx.client, {
    workspaceId: ctx.workspaceId,
    triggerId: ctx.triggerId,
    actor: commandActor(ctx),
    targetType: "command",
  });
}

/**
 * Opens the bulk change form for whoever asked, from a command or a button: a loading modal first,
 * inside the trigger id's three seconds, then the admin check and the form (or the refusal).
 */
export async function showBulkForm(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; triggerId: string; actor: Actor; targetType: "command" | "button" },
): Promise<"opened" | "refused" | "no_products"> {
  const opened = await client.views.open({ trigger_id: input.triggerId, view: buildLoadingModal(t) });
  const viewId = opened.view?.id as string;
  const admin = await actingAdmin(deps, client, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    attempted: "bulk",
    targetType: input.targetType,
    targetId: "bulk",
  });
  if (!admin) {
    await client.views.update({ view_id: viewId, view: buildNoticeModal(t, errorText(t, "NOT_ALLOWED")) });
    return "refused";
  }
  const products = (await getSeatUsage(deps.db, { workspaceId: input.workspaceId })).map((p) => ({
    id: p.productId,
    name: p.name,
  }));
  if (products.length === 0) {
    await client.views.update({ view_id: viewId, view: buildNoticeModal(t, t["product.none"]()) });
    return "no_products";
  }
  await client.views.update({
    view_id: viewId,
    hash: opened.view?.hash,
    view: buildBulkFormModal(t, {
      products,
      privateMetadata: JSON.stringify({ workspaceId: input.workspaceId }),
    }),
  });
  return "opened";
}

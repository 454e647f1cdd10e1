import { previewRemoval } from "../../licensing/preview-removal.ts";
import { errorText } from "../copy/licensing-codes.ts";
import {
  type CommandContext,
  commandAdmin,
  findPerson,
  findProduct,
  personLabel,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { buildRemoveConfirmationModal } from "./remove-confirmation-modal.ts";

/** What the confirmation's submission needs: ids only, everything else is re-read and re-checked. */
export interface RemoveConfirmationMetadata {
  workspaceId: string;
  personId: string;
  productId: string;
  responseUrl: string;
}

/**
 * `/license remove @person product`: opens the confirmation modal with the data-loss warning.
 * The modal opens first, while the trigger id is valid; the warning replaces it when it is ready.
 */
export async function removeLicense(
  ctx: CommandContext,
  input: { person: PersonRef; product: string },
): Promise<void> {
  const { t } = ctx;
  const opened = await ctx.client.views.open({ trigger_id: ctx.triggerId, view: buildLoadingModal(t) });
  const viewId = opened.view?.id as string;
  const show = (text: string) =>
    ctx.client.views.update({ view_id: viewId, view: buildNoticeModal(t, text) });

  const admin = await commandAdmin(ctx, "remove");
  if (!admin) {
    await show(errorText(t, "NOT_ALLOWED"));
    return;
  }
  const person = await findPerson(ctx, input.person);
  if (!person) return void (await show(t["person.unknown"]({ who: personLabel(input.person) })));
  const found = await findProduct(ctx, input.product);
  if ("message" in found) return void (await show(found.message));

  const preview = await previewRemoval(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    productId: found.product.id,
  });
  if (!preview.ok) return void (await show(failureText(t, preview, { timeZone: "UTC" })));
  const metadata: RemoveConfirmationMetadata = {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    productId: found.product.id,
    responseUrl: ctx.responseUrl,
  };
  await ctx.client.views.update({
    view_id: viewId,
    hash: opened.view?.hash,
    view: buildRemoveConfirmationModal(t, {
      warning: preview.warning,
      timeZone: admin?.timeZone ?? "UTC",
      privateMetadata: JSON.stringify(metadata),
    }),
  });
}

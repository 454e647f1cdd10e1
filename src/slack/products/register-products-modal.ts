import type { App, BlockButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { openProductsModal, productForm } from "./open-products-modal.ts";
import type { FormValues } from "./read-product-form.ts";
import { type Ack, saveSubmission } from "./save-product-submission.ts";

export function registerProductsModal(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ids.home.openProductsAction, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const userId = body.user.id;
    const delivery = {
      reader: t,
      name: "opening the products modal",
      workspaceId,
      requestId: body.trigger_id,
      context: { userId },
    };
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async () => {
        await openProductsModal(t, deps, client, {
          workspaceId,
          userId,
          triggerId: body.trigger_id,
          source: "button",
        });
        return null;
      },
      answer: (text) => notifyUser(client, deps.logger, { userId }, { text }),
      failed: (text) => text,
    });
  });

  app.view(ids.products.pickCallbackId, async ({ ack, body, view, client }) => {
    const p = ids.products;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const choice = (view.state.values as FormValues)[p.pickBlock]?.[p.pickAction]?.selected_option?.value;
    if (!choice) {
      await ack({ response_action: "errors", errors: { [p.pickBlock]: errorText(t, "UNKNOWN_PRODUCT") } });
      return;
    }
    await ack({ response_action: "update", view: buildLoadingModal(t) });
    const delivery = {
      reader: t,
      name: "products picker",
      workspaceId,
      requestId: view.id,
      context: { userId: body.user.id },
    };
    await handleDeliveryOnce<ModalView>(deps, delivery, {
      work: async () => {
        const admin = await actingAdmin(deps, client, {
          workspaceId,
          actor: { userId: body.user.id, source: "modal", requestId: view.id },
          attempted: "products",
          targetType: "view",
          targetId: view.id,
        });
        return admin
          ? await productForm(t, deps, workspaceId, choice === "new" ? null : choice)
          : buildNoticeModal(t, errorText(t, "NOT_ALLOWED"));
      },
      answer: (next) => client.views.update({ view_id: view.id, view: next }),
      failed: (text) => buildNoticeModal(t, text),
    });
  });

  app.view<ViewSubmitAction>(ids.products.formCallbackId, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer: Ack = async (response) => {
      acked = true;
      await (ack as Ack)(response);
    };
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const notice = (text: string) => answer({ response_action: "update", view: buildNoticeModal(t, text) });
    const delivery = {
      reader: t,
      name: "saving a product",
      workspaceId,
      requestId: view.id,
      context: { userId: body.user.id },
    };
    // The form's own ack is its answer; a failure before the ack answers in the modal.
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async (claim) => {
        await saveSubmission(t, deps, client, body, view, workspaceId, answer, notice, claim);
        return null;
      },
      answer: async (text) => {
        if (!acked) await notice(text);
      },
      failed: (text) => text,
    });
  });
}

import type { App, BlockButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { buildLoadingModal, buildNoticeModal } from "../blocks/notice-modal.ts";
import { en } from "../copy/en.ts";
import { releaseDelivery } from "../deliveries/claim-delivery.ts";
import { ids } from "../ids.ts";
import { describeError } from "../logger.ts";
import { notifyUser } from "../notify-user.ts";
import { actingAdmin } from "../people/acting-admin.ts";
import { openProductsModal, productForm } from "../products/open-products-modal.ts";
import type { FormValues } from "../products/read-product-form.ts";
import { type Ack, saveSubmission } from "../products/save-product-submission.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { workspaceOf } from "../workspace-of.ts";

export function registerProductsModal(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ids.home.openProductsAction, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    try {
      await openProductsModal(deps, client, {
        workspaceId,
        userId: body.user.id,
        triggerId: body.trigger_id,
        source: "button",
      });
    } catch (error) {
      deps.logger.error("could not open the products modal", { ...describeError(error), workspaceId });
      await notifyUser(
        client,
        deps.logger,
        { userId: body.user.id },
        { text: en["error.unexpected"]() },
      ).catch(() => {});
    }
  });

  app.view(ids.products.pickCallbackId, async ({ ack, body, view, client }) => {
    const p = ids.products;
    const choice = (view.state.values as FormValues)[p.pickBlock]?.[p.pickAction]?.selected_option?.value;
    if (!choice) {
      await ack({ response_action: "errors", errors: { [p.pickBlock]: en["error.UNKNOWN_PRODUCT"]() } });
      return;
    }
    await ack({ response_action: "update", view: buildLoadingModal() });
    const workspaceId = workspaceOf(body);
    let next: ModalView;
    try {
      const admin = await actingAdmin(deps, client, {
        workspaceId,
        actor: { userId: body.user.id, source: "modal", requestId: view.id },
        attempted: "products",
        targetType: "view",
        targetId: view.id,
      });
      next = admin
        ? await productForm(deps, workspaceId, choice === "new" ? null : choice)
        : buildNoticeModal(en["error.NOT_ALLOWED"]());
    } catch (error) {
      deps.logger.error("products picker failed", { ...describeError(error), workspaceId });
      next = buildNoticeModal(en["error.unexpected"]());
    }
    await client.views.update({ view_id: view.id, view: next }).catch((error: unknown) => {
      deps.logger.error("could not show the products form", { ...describeError(error), workspaceId });
    });
  });

  app.view<ViewSubmitAction>(ids.products.formCallbackId, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer: Ack = async (response) => {
      acked = true;
      await (ack as Ack)(response);
    };
    const notice = (text: string) => answer({ response_action: "update", view: buildNoticeModal(text) });
    const workspaceId = workspaceOf(body);
    let key: string | undefined;
    try {
      await saveSubmission(deps, client, body, view, workspaceId, answer, notice, (claimed) => {
        key = claimed;
      });
    } catch (error) {
      deps.logger.error("saving a product failed", {
        ...describeError(error),
        workspaceId,
        userId: body.user.id,
      });
      if (key) await releaseDelivery(deps.db, { workspaceId, key }).catch(() => {});
      if (!acked) await notice(en["error.unexpected"]()).catch(() => {});
    }
  });
}

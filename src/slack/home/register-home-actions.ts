import type { App, BlockButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { showBulkForm } from "../bulk/open-bulk-form.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { fileRequestFromHome } from "../requests/file-request-from-home.ts";
import { openRequestForm } from "../requests/open-request-form.ts";
import { restoreFromHome } from "../restore/restore-from-home.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";

type ViewState = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** App Home's buttons: Restore on a window, the bulk change form, and a member's request modal. */
export function registerHomeActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ids.window.restoreAction, async ({ ack, body, action, client }) => {
    await ack();
    const t = await readerCatalog(deps.db, workspaceOf(body), body.user.id);
    await restoreFromHome(t, deps, client, {
      workspaceId: workspaceOf(body),
      userId: body.user.id,
      windowId: action.value ?? "",
      actionTs: action.action_ts,
    });
  });

  app.action<BlockButtonAction>(ids.home.openBulkAction, async ({ ack, body, client }) => {
    await ack();
    const t = await readerCatalog(deps.db, workspaceOf(body), body.user.id);
    const userId = body.user.id;
    await guardedOpen(deps, client, body, "bulk form", () =>
      showBulkForm(t, deps, client, {
        workspaceId: workspaceOf(body),
        triggerId: body.trigger_id,
        actor: { userId, source: "button", requestId: body.trigger_id },
        targetType: "button",
      }),
    );
  });

  app.action<BlockButtonAction>(ids.home.requestLicenseAction, async ({ ack, body, client }) => {
    await ack();
    const t = await readerCatalog(deps.db, workspaceOf(body), body.user.id);
    await guardedOpen(deps, client, body, "request form", () =>
      openRequestForm(t, deps, client, { workspaceId: workspaceOf(body), triggerId: body.trigger_id }),
    );
  });

  app.view(ids.homeRequestForm.callbackId, async ({ ack, body, view, client }) => {
    const f = ids.homeRequestForm;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const values = view.state.values as ViewState;
    const product = values[f.productBlock]?.[f.productAction];
    const productId = product?.selected_option?.value ?? undefined;
    const typedProduct = product?.value?.trim() || undefined;
    if (!productId && !typedProduct) {
      await ack({
        response_action: "errors",
        errors: { [f.productBlock]: t["home.request.error.product"]() },
      });
      return;
    }
    await ack({ response_action: "update", view: buildLoadingModal(t) });
    const userId = body.user.id;
    const delivery = {
      reader: t,
      name: "request from App Home",
      workspaceId,
      requestId: view.id,
      context: { userId },
    };
    await handleDeliveryOnce<ModalView>(deps, delivery, {
      work: (claim) =>
        sameWorkspace(view.private_metadata, workspaceId)
          ? fileRequestFromHome(
              t,
              deps,
              client,
              {
                workspaceId,
                userId,
                viewId: view.id,
                viewHash: view.hash,
                ...(productId ? { productId } : {}),
                ...(typedProduct ? { typedProduct } : {}),
                reason: values[f.reasonBlock]?.[f.reasonAction]?.value ?? "",
              },
              claim,
            )
          : Promise.resolve(buildNoticeModal(t, t["error.unexpected"]())),
      answer: (next) => client.views.update({ view_id: view.id, view: next }),
      failed: (text) => buildNoticeModal(t, text),
    });
  });
}

/** A modal that could not open leaves nothing changed; the person reads so in a direct message. */
async function guardedOpen(
  deps: SlackDeps,
  client: WebClient,
  body: BlockButtonAction,
  what: string,
  open: () => Promise<unknown>,
): Promise<void> {
  const userId = body.user.id;
  const delivery = {
    name: `opening the ${what} from App Home`,
    workspaceId: workspaceOf(body),
    requestId: body.trigger_id,
    context: { userId },
  };
  await handleDeliveryOnce<string>(deps, delivery, {
    work: async () => {
      await open();
      return null;
    },
    answer: (text) => notifyUser(client, deps.logger, { userId }, { text }),
    failed: (text) => text,
  });
}

function sameWorkspace(privateMetadata: string, workspaceId: string): boolean {
  try {
    return (JSON.parse(privateMetadata) as { workspaceId?: unknown }).workspaceId === workspaceId;
  } catch {
    return false;
  }
}

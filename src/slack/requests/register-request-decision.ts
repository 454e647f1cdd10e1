import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { Decision } from "../../licensing/requests/decide-request.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { type OpenedModal, openLoadingModal } from "../shared/open-loading-modal.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { decisionView } from "./open-decision-modal.ts";
import { DECISION_NOTE_MAX } from "./request-decision-modal.ts";
import { submitDecision } from "./submit-decision.ts";

type ClickArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type NoteState = Record<string, Record<string, { value?: string | null }>>;

/**
 * Approve and Deny on a request's message (or in App Home) open the decision modal; its submission
 * decides. Both are acknowledged first and checked on the server, whoever pressed what.
 */
export function registerRequestDecision(app: App, deps: SlackDeps): void {
  const onClick =
    (decision: Decision) =>
    async ({ ack, body, action, client }: ClickArgs) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const click = {
        workspaceId,
        userId: body.user.id,
        triggerId: body.trigger_id,
        requestId: action.value ?? "",
        decision,
      };
      let opened: OpenedModal | undefined;
      const delivery = {
        reader: t,
        name: "request button",
        workspaceId,
        requestId: body.trigger_id,
        context: click,
      };
      await handleDeliveryOnce<ModalView>(deps, delivery, {
        work: async (claim) => {
          // A click delivered twice must not open a second modal, nor be audited twice.
          if (!(await claim.claim(deliveryKey.press(body.trigger_id)))) return;
          opened = await openLoadingModal(t, client, body.trigger_id);
          return decisionView(t, deps, client, click);
        },
        answer: async (view) => {
          if (opened) await client.views.update({ view_id: opened.viewId, hash: opened.hash, view });
        },
        failed: (text) => buildNoticeModal(t, text),
      });
    };
  app.action<BlockAction<ButtonAction>>(ids.request.approveAction, onClick("approve"));
  app.action<BlockAction<ButtonAction>>(ids.request.denyAction, onClick("deny"));

  const onSubmit =
    (decision: Decision) =>
    async ({ ack, body, view, client }: SubmitArgs) => {
      const d = ids.requestDecision;
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const note = (view.state.values as NoteState)[d.noteBlock]?.[d.noteAction]?.value ?? "";
      const problem =
        decision === "deny" && note.trim() === ""
          ? t["request.error.reason_required"]()
          : note.length > DECISION_NOTE_MAX
            ? t["request.error.too_long"]({ max: DECISION_NOTE_MAX })
            : null;
      if (problem) {
        await ack({ response_action: "errors", errors: { [d.noteBlock]: problem } });
        return;
      }
      await ack({ response_action: "update", view: buildLoadingModal(t) });
      await submitDecision(t, deps, client, {
        workspaceId,
        userId: body.user.id,
        viewId: view.id,
        viewHash: view.hash,
        privateMetadata: view.private_metadata,
        decision,
        note,
      });
    };
  app.view<ViewSubmitAction>(ids.requestDecision.approveCallbackId, onSubmit("approve"));
  app.view<ViewSubmitAction>(ids.requestDecision.denyCallbackId, onSubmit("deny"));
}

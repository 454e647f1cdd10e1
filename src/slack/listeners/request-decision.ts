import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { Decision } from "../../licensing/requests/decide-request.ts";
import { buildLoadingModal } from "../blocks/notice-modal.ts";
import { DECISION_NOTE_MAX } from "../blocks/request-decision-modal.ts";
import { en } from "../copy/en.ts";
import { claimDelivery } from "../deliveries/claim-delivery.ts";
import { ids } from "../ids.ts";
import { describeError } from "../logger.ts";
import { openDecisionModal } from "../requests/open-decision-modal.ts";
import { submitDecision } from "../requests/submit-decision.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { workspaceOf } from "../workspace-of.ts";

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
      const click = {
        workspaceId,
        userId: body.user.id,
        triggerId: body.trigger_id,
        requestId: action.value ?? "",
        decision,
      };
      try {
        // A click delivered twice must not open a second modal, nor be audited twice.
        const key = `action:${body.trigger_id}`;
        if (!(await claimDelivery(deps.db, { workspaceId, key, at: deps.clock.now() }))) return;
        await openDecisionModal(deps, client, click);
      } catch (error) {
        deps.logger.error("request button failed", { ...describeError(error), ...click });
      }
    };
  app.action<BlockAction<ButtonAction>>(ids.request.approveAction, onClick("approve"));
  app.action<BlockAction<ButtonAction>>(ids.request.denyAction, onClick("deny"));

  const onSubmit =
    (decision: Decision) =>
    async ({ ack, body, view, client }: SubmitArgs) => {
      const d = ids.requestDecision;
      const note = (view.state.values as NoteState)[d.noteBlock]?.[d.noteAction]?.value ?? "";
      const problem =
        decision === "deny" && note.trim() === ""
          ? en["request.error.reason_required"]()
          : note.length > DECISION_NOTE_MAX
            ? en["request.error.too_long"]({ max: DECISION_NOTE_MAX })
            : null;
      if (problem) {
        await ack({ response_action: "errors", errors: { [d.noteBlock]: problem } });
        return;
      }
      await ack({ response_action: "update", view: buildLoadingModal() });
      await submitDecision(deps, client, {
        workspaceId: workspaceOf(body),
        userId: body.user.id,
        viewId: view.id,
        privateMetadata: view.private_metadata,
        decision,
        note,
      });
    };
  app.view<ViewSubmitAction>(ids.requestDecision.approveCallbackId, onSubmit("approve"));
  app.view<ViewSubmitAction>(ids.requestDecision.denyCallbackId, onSubmit("deny"));
}

import type { App, BlockButtonAction } from "@slack/bolt";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { openSetupModal, type SetupModal } from "./open-setup-modal.ts";
import { type HomePage, publishHome } from "./publish-home.ts";
import { adminsForm, approvalsForm, defaultsForm, locationForm } from "./setup-forms.ts";
import { registerSetupForm } from "./setup-submission.ts";

const modalButtons: Record<SetupModal, string> = {
  location: ids.setup.locationAction,
  admins: ids.setup.adminsAction,
  approvals: ids.setup.approvalsAction,
  defaults: ids.setup.defaultsAction,
};

/**
 * The set-up checklist's buttons (the products one is the products modal's own), the switch
 * between checklist and dashboard, and the modals' submissions.
 */
export function registerSetup(app: App, deps: SlackDeps): void {
  for (const [which, actionId] of Object.entries(modalButtons) as [SetupModal, string][]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const userId = body.user.id;
      const delivery = {
        reader: t,
        name: `opening the set-up ${which} modal`,
        workspaceId,
        requestId: body.trigger_id,
        context: { userId },
      };
      // A modal that could not open leaves nothing changed; the admin reads so in a direct message.
      await handleDeliveryOnce<string>(deps, delivery, {
        work: async () => {
          await openSetupModal(t, deps, client, { workspaceId, userId, triggerId: body.trigger_id, which });
          return null;
        },
        answer: (text) => notifyUser(client, deps.logger, { userId }, { text }),
        failed: (text) => text,
      });
    });
  }

  const pages: [string, HomePage][] = [
    [ids.setup.showAction, "setup"],
    [ids.setup.dashboardAction, "dashboard"],
  ];
  for (const [actionId, page] of pages) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const userId = body.user.id;
      const delivery = {
        name: `App Home ${page}`,
        workspaceId,
        requestId: body.trigger_id,
        context: { userId },
      };
      // Only a view is published; a failure is logged and the next opening tries again.
      await handleDeliveryOnce(deps, delivery, {
        work: async () => {
          await publishHome(deps, client, { workspaceId, userId, page });
          return null;
        },
      });
    });
  }

  for (const form of [locationForm, adminsForm, approvalsForm, defaultsForm]) {
    registerSetupForm(app, deps, form as Parameters<typeof registerSetupForm>[2]);
  }
}

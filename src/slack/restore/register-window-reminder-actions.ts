import type { App, BlockButtonAction } from "@slack/bolt";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { stopWindowReminders } from "../../licensing/reminders/stop-window-reminders.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";

/**
 * "Let it expire" on a restore reminder: an admin stops the reminders about that window. The use
 * case decides who may (and records a refusal); here the clicker's admin flags are only brought up
 * to date from Slack first. The answer goes to the clicker only; the reminder itself stays as it was.
 */
export function registerWindowReminderActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    ids.window.letExpireAction,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const windowId = action.value ?? "";
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const delivery = {
        name: "let it expire",
        workspaceId,
        requestId: body.trigger_id,
        context: { windowId },
      };
      await handleDeliveryOnce<string>(deps, delivery, {
        work: async () => {
          const actor = { userId: body.user.id, source: "button" as const, requestId: body.trigger_id };
          const acting = await actingPerson(deps, client, workspaceId, actor.userId);
          const stopped = await stopWindowReminders(deps.db, deps.clock, { workspaceId, windowId, actor });
          if (!stopped.ok) {
            if (stopped.code === "UNKNOWN_WINDOW") {
              await recordUnknownTarget(deps.db, deps.clock, {
                workspaceId,
                actor,
                attempted: "let_window_expire",
                targets: [{ type: "restore_window", id: windowId }],
              });
            }
            return errorText(stopped.code);
          }
          return en["jobs.let_expire.done"]({
            person: escapeMrkdwn(stopped.person),
            product: escapeMrkdwn(stopped.product),
            date: formatInstant(stopped.purgeAt, acting?.timeZone ?? "UTC"),
          });
        },
        answer: reply,
        failed: (text) => text,
      });
    },
  );
}

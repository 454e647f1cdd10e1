import type { App, BlockButtonAction } from "@slack/bolt";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { stopWindowReminders } from "../../licensing/reminders/stop-window-reminders.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { refreshNoticeCopies } from "../notices/refresh-notice-copies.ts";
import { windowNow } from "../notices/subject-now.ts";
import { windowOutcome } from "../notices/subject-outcome.ts";
import { failureText } from "../shared/build-error-message.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";

/**
 * "Let it expire" on a restore reminder: an admin stops the reminders about that window. The use
 * case decides who may (and records a refusal); here the clicker's admin flags are only brought up
 * to date from Slack first. Every copy of the reminder then shows what became of the window in
 * place of its buttons; the clicker alone reads the answer, which for a window restored, deleted or
 * let expire before is what happened, by whom and when, never a claim the window no longer bears.
 */
export function registerWindowReminderActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    ids.window.letExpireAction,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const windowId = action.value ?? "";
      const userId = body.user.id;
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const delivery = {
        reader: t,
        name: "let it expire",
        workspaceId,
        requestId: body.trigger_id,
        context: { windowId },
      };
      await handleDeliveryOnce<string>(deps, delivery, {
        work: async (claim) => {
          // Slack repeats action_ts when it redelivers the click; a second press has its own.
          if (!(await claim.claim(`action:window.let_expire:${windowId}:${userId}:${action.action_ts}`)))
            return;
          const actor = { userId, source: "button" as const, requestId: body.trigger_id };
          const acting = await actingPerson(deps, client, workspaceId, userId);
          const stopped = await stopWindowReminders(deps.db, deps.clock, { workspaceId, windowId, actor });
          if (!stopped.ok && stopped.code === "UNKNOWN_WINDOW") {
            await recordUnknownTarget(deps.db, deps.clock, {
              workspaceId,
              actor,
              attempted: "let_window_expire",
              targets: [{ type: "restore_window", id: windowId }],
            });
            return errorText(t, stopped.code);
          }
          if (!stopped.ok && stopped.code === "NOT_ALLOWED") return errorText(t, stopped.code);
          await refreshNoticeCopies(deps, client, {
            workspaceId,
            subject: { kind: "restore_window", id: windowId },
          });
          if (!stopped.ok || stopped.repeated) {
            const what = windowOutcome(t, await windowNow(deps, { workspaceId, windowId }));
            if (what !== undefined) return t["outcome.already"]({ what });
            if (!stopped.ok) return failureText(t, stopped, { timeZone: acting?.timeZone ?? "UTC" });
          }
          return t["jobs.let_expire.done"]({
            person: escapeMrkdwn(stopped.person),
            product: escapeMrkdwn(stopped.product),
            date: formatInstant(t, stopped.purgeAt, acting?.timeZone ?? "UTC"),
          });
        },
        answer: reply,
        failed: (text) => text,
      });
    },
  );
}

import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import { restoreWindow } from "../../licensing/home/restore-window.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { publishHome } from "../home/publish-home.ts";
import { refreshNoticeCopies } from "../notices/refresh-notice-copies.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { windowNow } from "../notices/subject-now.ts";
import { windowOutcome } from "../notices/subject-outcome.ts";
import { failureText } from "../shared/build-error-message.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { describeError } from "../shared/logger.ts";
import { notifyUser } from "../shared/notify-user.ts";
import type { SlackDeps } from "../slack-deps.ts";

export interface RestoreClick {
  workspaceId: string;
  userId: string;
  windowId: string;
  /** Slack repeats it when it redelivers the same click; a second click has its own. */
  actionTs: string;
}

/**
 * Restore, clicked on a window in App Home or on a restore reminder: the clicker must be an admin
 * now, the click acts once however often it arrives, the admin reads the outcome in a direct
 * message, every reminder about the window shows what became of it instead of its buttons, and
 * the admin's home is published again without the window.
 */
export async function restoreFromHome(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  click: RestoreClick,
): Promise<void> {
  const { workspaceId, userId, windowId } = click;
  const target = { userId };
  const delivery = {
    reader: t,
    name: "restore from App Home",
    workspaceId,
    requestId: click.actionTs,
    context: click,
  };
  let restoredNow = false;
  let pendingInTenant = false;
  await handleDeliveryOnce<string>(deps, delivery, {
    work: async (claim) => {
      if (!(await claim.claim(`action:window.restore:${windowId}:${userId}:${click.actionTs}`))) return;
      const actor: Actor = { userId, source: "button", requestId: click.actionTs };
      const acting = await actingAdmin(deps, client, {
        workspaceId,
        actor,
        attempted: "restore",
        targetType: "restore_window",
        targetId: windowId,
      });
      if (!acting) return t["home.restore.refused"]();
      const result = await restoreWindow(deps.db, deps.clock, { workspaceId, windowId, actor });
      if (!result.ok && result.code === "UNKNOWN_WINDOW") {
        await recordUnknownTarget(deps.db, deps.clock, {
          workspaceId,
          actor,
          attempted: "restore",
          targets: [{ type: "restore_window", id: windowId }],
        });
        return errorText(t, result.code);
      }
      // Reminders about the window, wherever this click came from, now say what became of it.
      await refreshNoticeCopies(deps, client, {
        workspaceId,
        subject: { kind: "restore_window", id: windowId },
      });
      if (!result.ok && result.code !== "NOT_ALLOWED") {
        // Restored or deleted before this click: say so, by whom and when, not only that it failed.
        const now = await windowNow(deps, { workspaceId, windowId });
        if (now?.kind === "restored" || now?.kind === "purged")
          return t["outcome.already"]({ what: windowOutcome(t, now) ?? "" });
      }
      restoredNow = result.ok;
      pendingInTenant = result.ok && result.pendingInTenant === true;
      if (result.ok && result.pendingInTenant) {
        return t["tenant.pending.assign"]({
          person: escapeMrkdwn(result.person.name),
          product: escapeMrkdwn(result.product.name),
        });
      }
      if (result.ok)
        return t["restore.done"]({
          person: escapeMrkdwn(result.person.name),
          product: escapeMrkdwn(result.product.name),
          seats: t["seats.available"](result.seats),
        });
      if (result.code === "WINDOW_CLOSED" && result.purgedAt)
        return t["restore.window_closed_on"]({
          date: formatInstant(t, result.purgedAt, acting.timeZone ?? "UTC"),
        });
      return failureText(t, result, { timeZone: acting.timeZone ?? "UTC" });
    },
    answer: async (text) => {
      await notifyUser(client, deps.logger, target, { text });
      await republish(deps, client, workspaceId, userId);
    },
    failed: (text) => text,
  });
  if (restoredNow) await sendQueuedNotices(deps, client, { workspaceId });
  // A restore the tenant makes first closed the window only once it answered, just now: the
  // reminders refreshed above still showed it open. (An answer that comes later, from the
  // scheduler's pass, leaves them so until their next use.)
  if (pendingInTenant) {
    await refreshNoticeCopies(deps, client, {
      workspaceId,
      subject: { kind: "restore_window", id: windowId },
    });
  }
}

/** The outcome is already told; a home that fails to refresh is stale until it is opened again. */
async function republish(deps: SlackDeps, client: WebClient, workspaceId: string, userId: string) {
  await publishHome(deps, client, { workspaceId, userId }).catch((error: unknown) => {
    deps.logger.warn("could not refresh App Home", { ...describeError(error), workspaceId, userId });
  });
}

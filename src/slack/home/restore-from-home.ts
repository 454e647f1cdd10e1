import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import { restoreWindow } from "../../licensing/home/restore-window.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import type { SlackDeps } from "../app.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatDate } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { claimDelivery } from "../deliveries/claim-delivery.ts";
import { settleFailedDelivery } from "../deliveries/failure-outcome.ts";
import { describeError } from "../logger.ts";
import { notifyUser } from "../notify-user.ts";
import { actingAdmin } from "../people/acting-admin.ts";
import { publishHome } from "./publish-home.ts";

export interface RestoreClick {
  workspaceId: string;
  userId: string;
  windowId: string;
  /** Slack repeats it when it redelivers the same click; a second click has its own. */
  actionTs: string;
}

/**
 * Restore, clicked on a window in App Home: the clicker must be an admin now, the click acts
 * once however often it arrives, the admin reads the outcome in a direct message, and their home
 * is published again without the window.
 */
export async function restoreFromHome(
  deps: SlackDeps,
  client: WebClient,
  click: RestoreClick,
): Promise<void> {
  const { workspaceId, userId, windowId } = click;
  const key = `action:window.restore:${windowId}:${userId}:${click.actionTs}`;
  const target = { userId };
  const startedAt = deps.clock.now();
  try {
    if (!(await claimDelivery(deps.db, { workspaceId, key, at: deps.clock.now() }))) return;
    const actor: Actor = { userId, source: "button", requestId: click.actionTs };
    const acting = await actingAdmin(deps, client, {
      workspaceId,
      actor,
      attempted: "restore",
      targetType: "restore_window",
      targetId: windowId,
    });
    if (!acting) {
      await notifyUser(client, deps.logger, target, { text: en["home.restore.refused"]() });
      await republish(deps, client, workspaceId, userId);
      return;
    }
    const result = await restoreWindow(deps.db, deps.clock, { workspaceId, windowId, actor });
    if (!result.ok && result.code === "UNKNOWN_WINDOW") {
      await recordUnknownTarget(deps.db, deps.clock, {
        workspaceId,
        actor,
        attempted: "restore",
        targets: [{ type: "restore_window", id: windowId }],
      });
    }
    let text: string;
    if (result.ok) {
      text = en["restore.done"]({
        person: escapeMrkdwn(result.person.name),
        product: escapeMrkdwn(result.product.name),
        seats: en["seats.available"](result.seats),
      });
    } else if (result.code === "WINDOW_CLOSED" && result.purgedAt) {
      text = en["restore.window_closed_on"]({ date: formatDate(result.purgedAt, acting.timeZone ?? "UTC") });
    } else {
      text = errorText(result.code);
    }
    await notifyUser(client, deps.logger, target, { text });
    await republish(deps, client, workspaceId, userId);
  } catch (error) {
    deps.logger.error("restore from App Home failed", {
      ...describeError(error),
      workspaceId,
      userId,
      windowId,
    });
    const text = await settleFailedDelivery(
      deps,
      { workspaceId, key, requestId: click.actionTs, startedAt },
      error,
    );
    await notifyUser(client, deps.logger, target, { text }).catch(() => {});
  }
}

/** The outcome is already told; a home that fails to refresh is stale until it is opened again. */
async function republish(deps: SlackDeps, client: WebClient, workspaceId: string, userId: string) {
  await publishHome(deps, client, { workspaceId, userId }).catch((error: unknown) => {
    deps.logger.warn("could not refresh App Home", { ...describeError(error), workspaceId, userId });
  });
}

import type { WebClient } from "@slack/web-api";
import { inArray, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows.ts";
import { type AdminNotificationKind, adminNotifications } from "../../db/schema/index.ts";
import { listApprovers } from "../../licensing/requests/list-approvers.ts";
import type { SlackDeps } from "../app.ts";
import { describeError } from "../logger.ts";
import { adminNotificationText } from "./admin-notification-text.ts";

/** Notifications per message: one digest rather than a message per row, and well under Slack's text limit. */
const PER_MESSAGE = 10;

interface Claimed {
  id: string;
  kind: AdminNotificationKind;
  payload: unknown;
  createdAt: Date;
}

/**
 * Tells a workspace's admins what the domain recorded for them (joins without default licenses,
 * offboarding), in the approvals channel when there is one, else as a DM to each admin. Rows are
 * claimed and marked delivered in one statement, so two instances never send the same row.
 * Returns how many notifications went out.
 */
export async function deliverAdminNotifications(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string },
): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claimed = await claimBatch(deps, input.workspaceId);
    if (claimed.length === 0) return delivered;
    const recipients = deps.approvalsChannel
      ? [deps.approvalsChannel]
      : await adminIds(deps, input.workspaceId);
    if (recipients.length === 0) {
      // Nobody to tell yet (no admin known before the first directory sync): keep them for later.
      deps.logger.warn("admin notifications kept: no admin to tell", { workspaceId: input.workspaceId });
      await putBack(deps, claimed);
      return delivered;
    }
    const texts = claimed.flatMap((n) => {
      const text = adminNotificationText(n.kind, n.payload);
      if (text === null)
        deps.logger.error("admin notification payload not understood", { id: n.id, kind: n.kind });
      return text ? [text] : [];
    });
    if (texts.length === 0) continue;
    const ids = claimed.map((n) => n.id);
    const failed: string[] = [];
    for (const channel of recipients) {
      try {
        await client.chat.postMessage({
          channel,
          text: texts.join("\n\n"),
          metadata: { event_type: "license_desk_admin_notification", event_payload: { ids: ids.join(",") } },
        });
      } catch (error) {
        failed.push(channel);
        deps.logger.error("admin notification not sent", { ...describeError(error), channel, ids });
      }
    }
    // chat.postMessage has no idempotency key, so a row counts as delivered once anyone got it:
    // sending again to everyone would repeat it for those who did. When nobody got it, it goes back
    // to undelivered and the next delivery (the next event or directory sync) tries again.
    if (failed.length === recipients.length) {
      await putBack(deps, claimed);
      return delivered;
    }
    delivered += texts.length;
  }
}

async function claimBatch(deps: SlackDeps, workspaceId: string): Promise<Claimed[]> {
  const rows = await queryRows<Claimed>(
    deps.db,
    sql`update admin_notifications set delivered_at = ${deps.clock.now().toISOString()}
        where id in (
          select n.id from admin_notifications n join workspaces w on w.id = n.workspace_id
          where n.workspace_id = ${workspaceId} and n.delivered_at is null and w.active
          order by n.created_at, n.id
          limit ${PER_MESSAGE}
          for update of n skip locked)
        returning id, kind, payload, created_at as "createdAt"`,
  );
  return rows.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

async function putBack(deps: SlackDeps, claimed: Claimed[]): Promise<void> {
  await deps.db
    .update(adminNotifications)
    .set({ deliveredAt: null })
    .where(
      inArray(
        adminNotifications.id,
        claimed.map((n) => n.id),
      ),
    );
}

async function adminIds(deps: SlackDeps, workspaceId: string): Promise<string[]> {
  return (await listApprovers(deps.db, { workspaceId })).map((a) => a.slackUserId);
}

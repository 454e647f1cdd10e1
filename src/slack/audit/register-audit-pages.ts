import type { App, BlockButtonAction } from "@slack/bolt";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin, actingPerson } from "../directory/acting-admin.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { decodeAuditPageToken } from "./audit-cursor.ts";
import { auditPage } from "./audit-log.ts";

/**
 * "Next page" under an audit page: the page replaces the one shown. Who may read it is decided
 * again here: the button's value names whose record it pages, and a member may page only their own.
 */
export function registerAuditPages(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ids.auditPage.nextAction, async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const reply = (text: string) => respond({ replace_original: false, text });
    const delivery = {
      reader: t,
      name: "audit page",
      workspaceId,
      requestId: body.trigger_id,
      context: { userId },
    };
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async () => {
        const token = decodeAuditPageToken(action.value);
        if (!token) return t["audit.stale"]();
        const viewer = await actingPerson(deps, client, workspaceId, userId);
        if (!viewer?.isAdmin && token.userId !== userId) {
          // Records the refused attempt; the answer is the same for a stranger and a member.
          await actingAdmin(deps, client, {
            workspaceId,
            actor: { userId, source: "button", requestId: body.trigger_id },
            attempted: "audit",
            targetType: "audit_log",
            targetId: token.userId ?? "*",
          });
          return errorText(t, "NOT_ALLOWED");
        }
        const page = await auditPage(t, deps, client, {
          workspaceId,
          timeZone: viewer?.timeZone ?? "UTC",
          after: token.after,
          ...(token.userId ? { userId: token.userId } : {}),
        });
        if (token.userId && token.userId !== userId) {
          // After the page, whose lookup asks Slack: a user neither knows here is another workspace's.
          await recordUnknownTarget(deps.db, deps.clock, {
            workspaceId,
            actor: { userId, source: "button", requestId: body.trigger_id },
            attempted: "audit",
            targets: [{ type: "slack_user", id: token.userId }],
          });
        }
        await respond({ replace_original: true, ...page });
        return null;
      },
      answer: reply,
      failed: (text) => text,
    });
  });
}

import type { App } from "@slack/bolt";
import { z } from "zod";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { removeProduct } from "../../licensing/remove-product.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { failureText } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { refuseForgedMetadata } from "../shared/refuse-forged-metadata.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";

const metadataSchema = z.object({
  workspaceId: z.string(),
  personId: z.string(),
  productId: z.string(),
  responseUrl: z.string().url().or(z.literal("")),
});

/**
 * The data-loss warning confirmed: the removal happens now. Everything is checked again on the
 * server: who submits (an admin of that workspace?), and the license itself (still assigned?).
 */
export function registerRemoveConfirmation(app: App, deps: SlackDeps): void {
  app.view(ids.removeConfirmation.callbackId, async ({ ack, body, view, client }) => {
    await ack();
    const userId = body.user.id;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const meta = viewMetadataFor(metadataSchema, view.private_metadata, workspaceId);
    const target = { userId, responseUrl: meta?.responseUrl || undefined };
    const actor = { userId, source: "modal" as const, requestId: view.id };
    const delivery = {
      reader: t,
      name: "remove confirmation",
      workspaceId,
      requestId: view.id,
      context: { userId },
    };
    let removedNow = false;
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async (claim) => {
        if (!meta)
          return refuseForgedMetadata(t, deps, { workspaceId, actor, attempted: "remove", viewId: view.id });
        if (!(await claim.claim(deliveryKey.submission(view)))) return;
        const acting = await actingAdmin(deps, client, {
          workspaceId,
          actor,
          attempted: "remove",
          targetType: "assignment",
          targetId: `${meta.personId}/${meta.productId}`,
        });
        if (!acting) return errorText(t, "NOT_ALLOWED");
        const removed = await removeProduct(deps.db, deps.clock, { ...meta, workspaceId, actor });
        if (!removed.ok) {
          await recordUnknownTarget(deps.db, deps.clock, {
            workspaceId,
            actor,
            attempted: "remove",
            targets: [
              { type: "person", id: meta.personId },
              { type: "product", id: meta.productId },
            ],
          });
          return failureText(t, removed, { timeZone: acting.timeZone ?? "UTC" });
        }
        removedNow = true;
        const { warning, seats } = removed;
        const words = {
          person: escapeMrkdwn(warning.person.name),
          product: escapeMrkdwn(warning.product.name),
          seats: t["seats.available"](seats),
        };
        if (removed.pendingInTenant) return t["tenant.pending.remove"](words);
        return warning.lost.length > 0
          ? t["remove.done"]({
              ...words,
              date: formatInstant(t, warning.goneForGoodAt, acting.timeZone ?? "UTC"),
            })
          : t["remove.done_nothing_kept"](words);
      },
      answer: (text) => notifyUser(client, deps.logger, target, { text }),
      failed: (text) => text,
    });
    // After the admin's answer: the person who lost the license is told next.
    if (removedNow) await sendQueuedNotices(deps, client, { workspaceId });
  });
}

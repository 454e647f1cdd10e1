import type { App } from "@slack/bolt";
import { z } from "zod";
import { recordRefusal } from "../../licensing/record-refusal.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { removeProduct } from "../../licensing/remove-product.ts";
import type { SlackDeps } from "../app.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatDate } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { claimDelivery } from "../deliveries/claim-delivery.ts";
import { settleFailedDelivery } from "../deliveries/failure-outcome.ts";
import { ids } from "../ids.ts";
import { describeError } from "../logger.ts";
import { notifyUser } from "../notify-user.ts";
import { actingAdmin } from "../people/acting-admin.ts";
import { viewMetadataFor } from "../view-metadata.ts";
import { workspaceOf } from "../workspace-of.ts";

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
    const meta = viewMetadataFor(metadataSchema, view.private_metadata, workspaceId);
    const target = { userId, responseUrl: meta?.responseUrl || undefined };
    const key = `view:${view.id}`;
    const startedAt = deps.clock.now();
    try {
      const actor = { userId, source: "modal" as const, requestId: view.id };
      if (!meta) {
        await recordRefusal(deps.db, deps.clock, {
          workspaceId,
          actor,
          attempted: "remove",
          targetType: "view",
          targetId: view.id,
          reason: "FORGED_METADATA",
        });
        await notifyUser(client, deps.logger, target, { text: en["error.unexpected"]() });
        return;
      }
      if (!(await claimDelivery(deps.db, { workspaceId, key, at: deps.clock.now() }))) return;
      const acting = await actingAdmin(deps, client, {
        workspaceId,
        actor,
        attempted: "remove",
        targetType: "assignment",
        targetId: `${meta.personId}/${meta.productId}`,
      });
      if (!acting) {
        await notifyUser(client, deps.logger, target, { text: en["error.NOT_ALLOWED"]() });
        return;
      }
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
        await notifyUser(client, deps.logger, target, { text: errorText(removed.code) });
        return;
      }
      const { warning, seats } = removed;
      const words = {
        person: escapeMrkdwn(warning.person.name),
        product: escapeMrkdwn(warning.product.name),
        seats: en["seats.available"](seats),
      };
      const text =
        warning.lost.length > 0
          ? en["remove.done"]({
              ...words,
              date: formatDate(warning.goneForGoodAt, acting.timeZone ?? "UTC"),
            })
          : en["remove.done_nothing_kept"](words);
      await notifyUser(client, deps.logger, target, { text });
    } catch (error) {
      deps.logger.error("remove confirmation failed", { ...describeError(error), workspaceId, userId });
      const text = await settleFailedDelivery(
        deps,
        { workspaceId, key, requestId: view.id, startedAt },
        error,
      );
      await notifyUser(client, deps.logger, target, { text }).catch(() => {});
    }
  });
}

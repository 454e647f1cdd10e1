import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { setUsageLocation } from "../../licensing/directory/set-usage-location.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { MESSAGE_BLOCKS_MAX, type Message, section } from "../shared/message-parts.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildLocationChangeWarning, locationChangeDoneText } from "./location-change-message.ts";

const confirmationSchema = z.object({
  personId: z.string(),
  location: z.string(),
  lost: z.array(z.string()),
});

function parseConfirmation(value: string | undefined) {
  try {
    return confirmationSchema.safeParse(JSON.parse(value ?? "")).data;
  } catch {
    return undefined;
  }
}

/**
 * "Change location" under a location change's data-loss warning: the change happens now, losing
 * only what the warning named. The use case checks who clicks, and refuses anew, with the warning
 * as it is now, when the change would take more than was confirmed. The warning is replaced by
 * the outcome, so it never offers a change already made.
 */
export function registerLocationChange(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    ids.locationChange.confirmAction,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const actor = { userId: body.user.id, source: "button" as const, requestId: body.trigger_id };
      const delivery = {
        reader: t,
        name: "location change",
        workspaceId,
        requestId: body.trigger_id,
        context: {},
      };
      await handleDeliveryOnce<Message>(deps, delivery, {
        work: async () => {
          const confirmation = parseConfirmation(action.value);
          if (!confirmation) return { text: errorText(t, "UNKNOWN_PERSON"), blocks: [] };
          const acting = await actingPerson(deps, client, workspaceId, actor.userId);
          const timeZone = acting?.timeZone ?? "UTC";
          const changed = await setUsageLocation(deps.db, deps.clock, {
            workspaceId,
            personId: confirmation.personId,
            usageLocation: confirmation.location,
            actor,
            confirmedLosses: confirmation.lost,
            tenant: await deps.tenants?.(workspaceId),
          });
          if (changed.ok) return { text: locationChangeDoneText(t, changed, timeZone), blocks: [] };
          if (changed.code !== "LOCATION_CHANGE_LOSES_DATA")
            return { text: errorText(t, changed.code), blocks: [] };
          const again = buildLocationChangeWarning(t, changed.warning, timeZone);
          const meanwhile = t["location.change.changed_meanwhile"]();
          return {
            text: meanwhile,
            blocks: [section(meanwhile), ...again.blocks].slice(0, MESSAGE_BLOCKS_MAX),
          };
        },
        answer: (reply) =>
          respond({
            response_type: "ephemeral",
            replace_original: true,
            text: reply.text,
            ...(reply.blocks.length > 0 ? { blocks: reply.blocks } : {}),
          }),
        failed: (text) => ({ text, blocks: [] }),
      });
    },
  );
}

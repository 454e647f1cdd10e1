import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { assignProduct } from "../../licensing/assign-product.ts";
import { getProduct } from "../../licensing/catalog/get-product.ts";
import { setUsageLocation } from "../../licensing/directory/set-usage-location.ts";
import { getPersonLicenses } from "../../licensing/get-person-licenses.ts";
import { normalizeUsageLocation } from "../../licensing/usage-location.ts";
import { setDefaultUsageLocation } from "../../licensing/workspaces/set-default-usage-location.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { buildLocationChangeWarning } from "../people/location-change-message.ts";
import { failureText } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { MESSAGE_BLOCKS_MAX, type Message, section } from "../shared/message-parts.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { assignFollowUpBlocks, parseFollowUpValue } from "./assign-follow-ups.ts";
import { buildAssignResultMessage } from "./build-assign-result-message.ts";
import { buildAssignLocationModal } from "./location-modal.ts";

const metadataSchema = z.object({
  workspaceId: z.string(),
  personId: z.string(),
  productId: z.string(),
  responseUrl: z.string().url().or(z.literal("")),
});

type ViewValues = Record<
  string,
  Record<string, { value?: string | null; selected_options?: { value: string }[] }>
>;

const plainMessage = (text: string): Message => ({ text, blocks: [] });

/**
 * Assigns and words the outcome as `/license assign` does, follow-up buttons included (a location
 * just set may be one where nothing of the product runs).
 */
async function assignAndDescribe(
  t: Catalog,
  deps: SlackDeps,
  input: { workspaceId: string; personId: string; productId: string; evenIfNothingRuns?: boolean },
  actor: { userId: string; source: "button" | "modal"; requestId: string },
  timeZone: string,
  lead: string[] = [],
): Promise<Message> {
  const outcome = await assignProduct(deps.db, deps.clock, { ...input, actor });
  const found = await getPersonLicenses(deps.db, deps.clock, input);
  const product = await getProduct(deps.db, input);
  const attempts = [{ person: { name: found.ok ? found.person.name : "", id: input.personId }, outcome }];
  const named = { id: input.productId, name: product?.name ?? "" };
  const result = buildAssignResultMessage(t, { product: named, attempts, timeZone });
  const blocks = [...lead.map(section), ...result.blocks];
  const followUps = assignFollowUpBlocks(t, named, attempts, MESSAGE_BLOCKS_MAX - blocks.length);
  return { text: result.text, blocks: [...blocks, ...followUps] };
}

/** "Assign anyway" and "Set usage location" under an assign's refusal, and the modal the latter opens. */
export function registerAssignFollowUps(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    ids.assignFollowUp.anywayAction,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const actor = { userId: body.user.id, source: "button" as const, requestId: body.trigger_id };
      const delivery = {
        reader: t,
        name: "assign anyway",
        workspaceId,
        requestId: body.trigger_id,
        context: {},
      };
      await handleDeliveryOnce<Message>(deps, delivery, {
        work: async () => {
          const target = parseFollowUpValue(action.value);
          if (!target) return plainMessage(errorText(t, "UNKNOWN_PERSON"));
          const acting = await actingPerson(deps, client, workspaceId, actor.userId);
          // The use case checks who clicks (rule 10); the override is this click's, said explicitly.
          return assignAndDescribe(
            t,
            deps,
            { workspaceId, ...target, evenIfNothingRuns: true },
            actor,
            acting?.timeZone ?? "UTC",
          );
        },
        answer: (reply) => respond({ response_type: "ephemeral", replace_original: true, ...reply }),
        failed: plainMessage,
      });
      // The person is told what they got (rule 12), once the admin has their answer.
      await sendQueuedNotices(deps, client, { workspaceId });
    },
  );

  app.action<BlockButtonAction>(
    ids.assignFollowUp.setLocationAction,
    async ({ ack, body, action, client }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const t = await readerCatalog(deps.db, workspaceId, body.user.id);
      const target = parseFollowUpValue(action.value);
      const found = target ? await getPersonLicenses(deps.db, deps.clock, { workspaceId, ...target }) : null;
      const reply = { userId: body.user.id, responseUrl: body.response_url };
      if (!target || !found?.ok) {
        await notifyUser(client, deps.logger, reply, plainMessage(errorText(t, "UNKNOWN_PERSON")));
        return;
      }
      const metadata = { workspaceId, ...target, responseUrl: body.response_url ?? "" };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildAssignLocationModal(t, found.person, JSON.stringify(metadata)),
      });
    },
  );

  app.view(ids.assignLocation.callbackId, async ({ ack, body, view, client }) => {
    const f = ids.assignLocation;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const values = view.state.values as ViewValues;
    const typed = values[f.locationBlock]?.[f.locationAction]?.value ?? "";
    const code = normalizeUsageLocation(typed);
    if (!code) {
      await ack({
        response_action: "errors",
        errors: { [f.locationBlock]: t["error.INVALID_USAGE_LOCATION"]() },
      });
      return;
    }
    await ack();
    const alsoDefault = (values[f.defaultBlock]?.[f.defaultAction]?.selected_options ?? []).length > 0;
    const meta = viewMetadataFor(metadataSchema, view.private_metadata, workspaceId);
    const actor = { userId: body.user.id, source: "modal" as const, requestId: view.id };
    const target = { userId: body.user.id, responseUrl: meta?.responseUrl || undefined };
    const delivery = { reader: t, name: "assign location", workspaceId, requestId: view.id, context: {} };
    await handleDeliveryOnce<Message>(deps, delivery, {
      work: async (claim) => {
        if (!meta) return plainMessage(t["error.unexpected"]());
        if (!(await claim.claim(deliveryKey.submission(view)))) return;
        const acting = await actingPerson(deps, client, workspaceId, actor.userId);
        const timeZone = acting?.timeZone ?? "UTC";
        const lead: string[] = [];
        if (alsoDefault) {
          const set = await setDefaultUsageLocation(deps.db, deps.clock, {
            workspaceId,
            usageLocation: code,
            actor,
          });
          if (!set.ok) return plainMessage(failureText(t, set, { timeZone }));
          lead.push(t["location.modal.default_set"]({ location: set.usageLocation }));
        }
        const located = await setUsageLocation(deps.db, deps.clock, {
          workspaceId,
          personId: meta.personId,
          usageLocation: code,
          actor,
          tenant: await deps.tenants?.(workspaceId),
        });
        if (!located.ok) {
          // Only a person who already holds licenses can lose data here: the warning, and no assign.
          if (located.code === "LOCATION_CHANGE_LOSES_DATA")
            return buildLocationChangeWarning(t, located.warning, timeZone);
          return plainMessage([...lead, failureText(t, located, { timeZone })].join("\n"));
        }
        return assignAndDescribe(t, deps, meta, actor, timeZone, lead);
      },
      answer: (reply) => notifyUser(client, deps.logger, target, reply),
      failed: plainMessage,
    });
    await sendQueuedNotices(deps, client, { workspaceId });
  });
}

import type { SlackDeps } from "../slack-deps.ts";
import { deliveryKey } from "./delivery-keys.ts";
import { handleDeliveryOnce } from "./handle-delivery-once.ts";

export interface EventDelivery {
  workspaceId: string;
  eventId: string;
  type: string;
  /** Inside an Enterprise Grid org; with `isEnterpriseInstall`, the event is about the org-wide install. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

/**
 * Runs an event's effect once across Slack's redeliveries and across instances: the event id is
 * claimed in the database first. A failed effect gives the claim back, for a redelivery that still
 * comes (one that crossed the failure, or a duplicate delivery): the app acknowledged the event
 * already, so Slack does not retry it on its own. What a failed event leaves undone, the daily
 * directory sync does (joins, offboarding, reactivation). Nobody waits on an answer; a failure is
 * logged. `afterwards` (telling the admins) runs only after a successful effect, and its failure
 * does not undo the claim: the effect must not run twice because a message could not be sent.
 */
export async function handleEventOnce(
  deps: SlackDeps,
  delivery: EventDelivery,
  effect: () => Promise<void>,
  afterwards?: () => Promise<unknown>,
): Promise<void> {
  const { workspaceId, eventId, type } = delivery;
  await handleDeliveryOnce<"handled">(
    deps,
    { name: `event ${type}`, workspaceId, requestId: eventId, context: { eventId, type } },
    {
      work: async (claim) => {
        if (!(await claim.claim(deliveryKey.event(eventId)))) return null;
        await effect();
        return "handled";
      },
      answer: async () => afterwards?.(),
    },
  );
}

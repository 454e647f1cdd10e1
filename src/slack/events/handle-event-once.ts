import { claimDelivery, releaseDelivery } from "../deliveries/claim-delivery.ts";
import { describeError } from "../logger.ts";
import type { SlackDeps } from "../slack-deps.ts";

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
 * directory sync does (joins, offboarding, reactivation). Nothing is thrown: a throw only logs.
 * `afterwards` (telling the admins) runs only after a successful effect, and its failure does not
 * undo the claim: the effect must not run twice because a message could not be sent.
 */
export async function handleEventOnce(
  deps: SlackDeps,
  delivery: EventDelivery,
  effect: () => Promise<void>,
  afterwards?: () => Promise<unknown>,
): Promise<void> {
  const { workspaceId, eventId, type } = delivery;
  const key = `event:${eventId}`;
  try {
    if (!(await claimDelivery(deps.db, { workspaceId, key, at: deps.clock.now() }))) return;
  } catch (error) {
    deps.logger.error("event not claimed", { ...describeError(error), workspaceId, eventId, type });
    return;
  }
  try {
    await effect();
  } catch (error) {
    deps.logger.error("event failed", { ...describeError(error), workspaceId, eventId, type });
    await releaseDelivery(deps.db, { workspaceId, key }).catch((releaseError) =>
      deps.logger.error("event claim not released", { ...describeError(releaseError), eventId }),
    );
    return;
  }
  try {
    await afterwards?.();
  } catch (error) {
    deps.logger.error("event handled, admins not told", {
      ...describeError(error),
      workspaceId,
      eventId,
      type,
    });
  }
}

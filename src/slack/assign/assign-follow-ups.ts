import type { KnownBlock } from "@slack/types";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { button, section } from "../shared/message-parts.ts";
import type { AssignAttempt } from "./build-assign-result-message.ts";

/** A follow-up button's value: the person and the product the refused assign was about. */
export const followUpValue = (personId: string, productId: string) => `${personId} ${productId}`;

export function parseFollowUpValue(
  value: string | undefined,
): { personId: string; productId: string } | null {
  const [personId, productId, ...rest] = (value ?? "").split(" ");
  return personId && productId && rest.length === 0 ? { personId, productId } : null;
}

/**
 * Under an admin's assign outcome, a button for each refusal the admin can resolve at once: a
 * person with no usage location (and no workspace default) gets "Set usage location", which opens
 * the modal and then completes the assign; a product none of whose services run where the person
 * is gets "Assign anyway", with why one might. At most `max` blocks.
 */
export function assignFollowUpBlocks(
  t: Catalog,
  product: { id: string; name: string },
  attempts: readonly AssignAttempt[],
  max: number,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const { person, outcome } of attempts) {
    if (outcome.ok || !person.id) continue;
    const value = followUpValue(person.id, product.id);
    const name = escapeMrkdwn(person.name);
    if (outcome.code === "USAGE_LOCATION_REQUIRED") {
      blocks.push({
        ...section(t["assign.location_needed"]({ person: name })),
        accessory: button(t["assign.location_needed.button"](), ids.assignFollowUp.setLocationAction, value),
      });
    } else if (outcome.code === "NOTHING_RUNS_IN_LOCATION") {
      blocks.push({
        ...section(t["assign.anyway.why"]({ person: name, product: escapeMrkdwn(product.name) })),
        accessory: button(t["assign.anyway.button"](), ids.assignFollowUp.anywayAction, value),
      });
    }
  }
  return blocks.slice(0, Math.max(0, max));
}

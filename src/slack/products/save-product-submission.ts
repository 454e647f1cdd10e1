import { createHash } from "node:crypto";
import type { ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { saveProduct } from "../../licensing/catalog/save-product.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { publishHome } from "../home/publish-home.ts";
import { failureText } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import type { DeliveryClaim } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { describeError } from "../shared/logger.ts";
import { refuseForgedMetadata } from "../shared/refuse-forged-metadata.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { productFormMetadata } from "./open-products-modal.ts";
import { type FormValues, readProductForm } from "./read-product-form.ts";

export type Ack = (
  response?:
    | { response_action: "errors"; errors: Record<string, string> }
    | { response_action: "update"; view: ModalView },
) => Promise<void>;

/**
 * The products modal: App Home's button opens it; the picker's submission shows the form; the
 * form's submission saves. A save is checked and done before the answer, so that what is wrong
 * (a key in use, seats below the assigned count) can stand beside its field.
 */

export async function saveSubmission(
  t: Catalog,
  deps: SlackDeps,
  client: Parameters<typeof actingPerson>[1],
  body: ViewSubmitAction,
  view: ViewSubmitAction["view"],
  workspaceId: string,
  answer: Ack,
  notice: (text: string) => Promise<void>,
  claim: DeliveryClaim,
): Promise<void> {
  const p = ids.products;
  const actor = { userId: body.user.id, source: "modal" as const, requestId: view.id };
  const meta = viewMetadataFor(productFormMetadata, view.private_metadata, workspaceId);
  if (!meta) {
    return notice(
      await refuseForgedMetadata(t, deps, { workspaceId, actor, attempted: "products", viewId: view.id }),
    );
  }
  const { productId, planIds } = meta;
  const form = readProductForm(t, view.state.values as FormValues, { planIds, isNew: productId === null });
  if (!form.ok) return answer({ response_action: "errors", errors: form.errors });
  // saveProduct decides who may (rule 10) and records a refusal; the flags it reads are Slack's own
  // as of the last minute.
  await actingPerson(deps, client, workspaceId, actor.userId);
  // The same form sent twice saves once; a corrected form is a new delivery.
  const fingerprint = createHash("sha256").update(JSON.stringify(form.product)).digest("hex").slice(0, 32);
  if (!(await claim.claim(`${deliveryKey.submission(view)}:${fingerprint}`))) return answer();
  const saved = await saveProduct(deps.db, deps.clock, {
    workspaceId,
    ...(productId ? { productId } : {}),
    product: form.product,
    actor,
  });
  if (saved.ok) {
    const words = { name: escapeMrkdwn(form.product.name), seats: t["seats.available"](saved.seats) };
    await notice(saved.created ? t["products.saved_new"](words) : t["products.saved"](words));
    // The admin's Home shows the catalog (the set-up checklist counts its products): it follows.
    await publishHome(deps, client, { workspaceId, userId: actor.userId }).catch((error: unknown) => {
      deps.logger.warn("republishing App Home after a product was saved failed", {
        ...describeError(error),
        workspaceId,
      });
    });
    return;
  }
  await claim.release();
  switch (saved.code) {
    case "PRODUCT_KEY_TAKEN":
      return answer({
        response_action: "errors",
        errors: { [p.keyBlock]: failureText(t, saved, { timeZone: "UTC" }) },
      });
    case "QUANTITY_BELOW_ASSIGNED":
      return answer({
        response_action: "errors",
        errors: { [p.seatsBlock]: t["seats.below_assigned"](saved) },
      });
    case "CATALOG_INVALID":
      return notice(t["products.invalid"]({ errors: escapeMrkdwn(saved.errors.join("; ")) }));
    default:
      return notice(failureText(t, saved, { timeZone: "UTC" }));
  }
}

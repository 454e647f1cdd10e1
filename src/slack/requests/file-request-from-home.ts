import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import { fileRequest } from "../../licensing/requests/file-request.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, truncate } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import { publishHome } from "../home/publish-home.ts";
import { type ProductChoice, resolveProduct } from "../products/resolve-product.ts";
import { failureText } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import type { DeliveryClaim } from "../shared/handle-delivery-once.ts";
import { buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { announceRequest } from "./announce-request.ts";
import { buildRequestModal } from "./home-request-modal.ts";
import { requestFormMetadata } from "./open-request-form.ts";

export interface RequestSubmission {
  workspaceId: string;
  userId: string;
  viewId: string;
  /** Changes whenever the view does, so a corrected form is a new submission and a repeat is not. */
  viewHash: string;
  /** From the menu: a product id. */
  productId?: string;
  /** From the text field of a large catalog: a key, a name, or the start of one. */
  typedProduct?: string;
  reason: string;
}

const CANDIDATES_SHOWN = 10;
/** What was typed is echoed as a reminder, not a copy. */
const QUERY_ECHO_MAX = 40;

/**
 * The request modal submitted: the product is re-read from the database (a menu value is only an
 * id; typed text is matched as `/license request` matches it), the request is filed once, the
 * approvers are told, and the member's home shows it. Returns what the modal shows next, or null
 * for a repeated submission, whose first delivery shows the outcome.
 */
export async function fileRequestFromHome(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: RequestSubmission,
  claim: DeliveryClaim,
): Promise<ModalView | null> {
  const { workspaceId, userId } = input;
  const products = (await getSeatUsage(deps.db, { workspaceId })).map((p) => ({
    id: p.productId,
    key: p.key,
    name: p.name,
  }));
  const chosen = pickProduct(t, products, input);
  if ("problem" in chosen) {
    return buildRequestModal(t, {
      products,
      privateMetadata: requestFormMetadata(workspaceId),
      problem: chosen.problem,
      ...(input.typedProduct ? { typedProduct: input.typedProduct } : {}),
      reason: input.reason,
    });
  }
  // A failure before the request is filed gives this claim back, so a resubmission may try again.
  if (!(await claim.claim(deliveryKey.submission({ id: input.viewId, hash: input.viewHash })))) return null;
  // Whoever asks is in the directory before the request names them.
  await new DirectoryLookup(deps.db, client).byUserId(workspaceId, userId);
  const filed = await fileRequest(deps.db, deps.clock, {
    workspaceId,
    productId: chosen.product.id,
    reason: input.reason,
    actor: { userId, source: "modal", requestId: input.viewId },
  });
  if (!filed.ok) {
    if (filed.code === "REASON_TOO_LONG") {
      // Nothing was filed: the form comes back with what was typed and the limit, to shorten it.
      await claim.release();
      return buildRequestModal(t, {
        products,
        privateMetadata: requestFormMetadata(workspaceId),
        problem: failureText(t, filed, { timeZone: "UTC" }),
        ...(input.typedProduct ? { typedProduct: input.typedProduct } : { productId: chosen.product.id }),
        reason: input.reason,
      });
    }
    const product = { product: escapeMrkdwn(chosen.product.name) };
    if (filed.code === "ALREADY_ASSIGNED")
      return buildNoticeModal(t, t["home.request.already_assigned"](product));
    if (filed.code === "DUPLICATE_REQUEST") return buildNoticeModal(t, t["home.request.duplicate"](product));
    return buildNoticeModal(t, failureText(t, filed, { timeZone: "UTC" }));
  }
  await announceRequest(deps, client, { workspaceId, requestId: filed.requestId });
  await publishHome(deps, client, { workspaceId, userId }).catch((error: unknown) => {
    deps.logger.warn("could not refresh App Home after a request", {
      workspaceId,
      userId,
      error: String(error),
    });
  });
  return buildNoticeModal(t, t["home.request.filed"]({ product: escapeMrkdwn(chosen.product.name) }));
}

function pickProduct(
  t: Catalog,
  products: ProductChoice[],
  input: Pick<RequestSubmission, "productId" | "typedProduct">,
): { product: ProductChoice } | { problem: string } {
  if (products.length === 0) return { problem: t["product.none"]() };
  if (input.productId) {
    const product = products.find((p) => p.id === input.productId);
    return product ? { product } : { problem: errorText(t, "UNKNOWN_PRODUCT") };
  }
  const query = input.typedProduct ?? "";
  const match = resolveProduct(products, query);
  if (match.kind === "found") return { product: match.product };
  const shown = match.candidates
    .slice(0, CANDIDATES_SHOWN)
    .map((p) => `\`${escapeMrkdwn(p.key)}\` (${escapeMrkdwn(p.name)})`)
    .join(", ");
  const more =
    match.candidates.length > CANDIDATES_SHOWN
      ? ` ${t["list.more"]({ count: match.candidates.length - CANDIDATES_SHOWN })}`
      : "";
  const words = { query: escapeMrkdwn(truncate(query, QUERY_ECHO_MAX)), candidates: shown + more };
  return {
    problem: match.kind === "ambiguous" ? t["product.ambiguous"](words) : t["product.unknown"](words),
  };
}

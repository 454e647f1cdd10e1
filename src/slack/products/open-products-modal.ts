import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { AuditSource } from "../../db/schema/index.ts";
import { getProduct } from "../../licensing/catalog/get-product.ts";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { describeError } from "../shared/logger.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildProductFormModal, buildProductsPickerModal, PLANS_SHOWN_MAX } from "./products-modals.ts";

export const productFormMetadata = z.object({
  workspaceId: z.string(),
  productId: z.string().nullable(),
  planIds: z.array(z.string()),
});
export type ProductFormMetadata = z.infer<typeof productFormMetadata>;

/**
 * The products modal, from `/license products` or App Home's button: opened at once on the
 * trigger (it lives 3 s), then the admin is checked and the picker (or, with no products yet, the
 * form for a new one) replaces the loading view.
 */
export async function openProductsModal(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; userId: string; triggerId: string; source: AuditSource },
): Promise<void> {
  const opened = await client.views.open({ trigger_id: input.triggerId, view: buildLoadingModal(t) });
  const viewId = opened.view?.id as string;
  let view: ModalView;
  try {
    view = await productsModal(t, deps, client, input);
  } catch (error) {
    deps.logger.error("products modal failed", { ...describeError(error), workspaceId: input.workspaceId });
    view = buildNoticeModal(t, t["error.unexpected"]());
  }
  await client.views.update({ view_id: viewId, hash: opened.view?.hash, view });
}

async function productsModal(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; userId: string; triggerId: string; source: AuditSource },
): Promise<ModalView> {
  const admin = await actingAdmin(deps, client, {
    workspaceId: input.workspaceId,
    actor: { userId: input.userId, source: input.source, requestId: input.triggerId },
    attempted: "products",
    targetType: "command",
    targetId: "products",
  });
  if (!admin) return buildNoticeModal(t, errorText(t, "NOT_ALLOWED"));
  const products = await getSeatUsage(deps.db, { workspaceId: input.workspaceId });
  if (products.length === 0) return productForm(t, deps, input.workspaceId, null);
  return buildProductsPickerModal(t, products);
}

/** The form for one product (or a new one, for `null`); a product gone meanwhile gets a notice. */
export async function productForm(
  t: Catalog,
  deps: SlackDeps,
  workspaceId: string,
  productId: string | null,
): Promise<ModalView> {
  const product = productId ? await getProduct(deps.db, { workspaceId, productId }) : null;
  if (productId && !product) return buildNoticeModal(t, errorText(t, "UNKNOWN_PRODUCT"));
  const metadata: ProductFormMetadata = {
    workspaceId,
    productId: product?.id ?? null,
    planIds: (product?.plans ?? []).slice(0, PLANS_SHOWN_MAX).map((p) => p.id),
  };
  return buildProductFormModal(t, product, JSON.stringify(metadata));
}

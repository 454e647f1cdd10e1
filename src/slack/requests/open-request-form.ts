import type { WebClient } from "@slack/web-api";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import type { Catalog } from "../copy/en.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildRequestModal } from "./home-request-modal.ts";

/** "Request a license" in App Home: the modal opens at once; the products fill it when read. */
export async function openRequestForm(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; triggerId: string },
): Promise<void> {
  const opened = await client.views.open({ trigger_id: input.triggerId, view: buildLoadingModal(t) });
  const viewId = opened.view?.id as string;
  const products = (await getSeatUsage(deps.db, { workspaceId: input.workspaceId })).map((p) => ({
    id: p.productId,
    name: p.name,
  }));
  await client.views.update({
    view_id: viewId,
    hash: opened.view?.hash,
    view:
      products.length === 0
        ? buildNoticeModal(t, t["product.none"]())
        : buildRequestModal(t, { products, privateMetadata: requestFormMetadata(input.workspaceId) }),
  });
}

export function requestFormMetadata(workspaceId: string): string {
  return JSON.stringify({ workspaceId });
}

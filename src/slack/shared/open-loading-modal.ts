import type { WebClient } from "@slack/web-api";
import type { Catalog } from "../copy/en.ts";
import { buildLoadingModal } from "./notice-modal.ts";

/** A modal opened on a trigger id, to be updated with what it shows once that is ready. */
export interface OpenedModal {
  viewId: string;
  hash: string | undefined;
}

/** Opens the loading modal first, before any slow work: the trigger id lives 3 s and is single-use. */
export async function openLoadingModal(
  t: Catalog,
  client: WebClient,
  triggerId: string,
): Promise<OpenedModal> {
  const opened = await client.views.open({ trigger_id: triggerId, view: buildLoadingModal(t) });
  return { viewId: opened.view?.id as string, hash: opened.view?.hash };
}

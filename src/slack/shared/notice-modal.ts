import type { ModalView } from "@slack/types";
import type { Catalog } from "../copy/en.ts";
import { truncate } from "../copy/format.ts";

/** Opened at once so the trigger id is used within its three seconds; updated when the work is done. */
export function buildLoadingModal(t: Catalog): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: t["modal.loading.title"]() },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: t["modal.loading.text"]() } }],
  };
}

/** A modal that only tells something: a refusal, or why the action cannot go on. */
export function buildNoticeModal(t: Catalog, text: string): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: t["modal.loading.title"]() },
    close: { type: "plain_text", text: t["modal.notice.close"]() },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }],
  };
}

import type { ModalView } from "@slack/types";
import { en } from "../copy/en.ts";
import { truncate } from "../copy/format.ts";

/** Opened at once so the trigger id is used within its three seconds; updated when the work is done. */
export function buildLoadingModal(): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: en["modal.loading.title"]() },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: en["modal.loading.text"]() } }],
  };
}

/** A modal that only tells something: a refusal, or why the action cannot go on. */
export function buildNoticeModal(text: string): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: en["modal.loading.title"]() },
    close: { type: "plain_text", text: en["modal.notice.close"]() },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }],
  };
}

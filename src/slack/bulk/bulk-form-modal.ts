import type { ModalView, PlainTextOption } from "@slack/types";
import type { Catalog } from "../copy/en.ts";
import { plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

/** Slack's limits for a select menu. */
const OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;

export const BULK_PEOPLE_MAX = 1000;

/** The bulk change form: people, products to give and to take away, and the mode (rule 5). */
export function buildBulkFormModal(
  t: Catalog,
  input: {
    products: { id: string; name: string }[];
    privateMetadata: string;
  },
): ModalView {
  const options: PlainTextOption[] = input.products.slice(0, OPTIONS_MAX).map((p) => ({
    text: { type: "plain_text", text: truncate(plainText(p.name), OPTION_TEXT_MAX) },
    value: p.id,
  }));
  const f = ids.bulkForm;
  return {
    type: "modal",
    callback_id: f.callbackId,
    private_metadata: input.privateMetadata,
    title: { type: "plain_text", text: t["bulk.title"]() },
    submit: { type: "plain_text", text: t["bulk.next"]() },
    close: { type: "plain_text", text: t["bulk.cancel"]() },
    blocks: [
      {
        type: "input",
        block_id: f.peopleBlock,
        label: { type: "plain_text", text: t["bulk.people"]() },
        element: { type: "multi_users_select", action_id: f.peopleAction },
      },
      {
        type: "input",
        block_id: f.addBlock,
        optional: true,
        label: { type: "plain_text", text: t["bulk.add"]() },
        element: { type: "multi_static_select", action_id: f.addAction, options },
      },
      {
        type: "input",
        block_id: f.removeBlock,
        optional: true,
        label: { type: "plain_text", text: t["bulk.remove"]() },
        element: { type: "multi_static_select", action_id: f.removeAction, options },
      },
      {
        type: "input",
        block_id: f.modeBlock,
        label: { type: "plain_text", text: t["bulk.mode"]() },
        element: {
          type: "radio_buttons",
          action_id: f.modeAction,
          initial_option: { text: { type: "plain_text", text: t["bulk.mode.add"]() }, value: "add" },
          options: [
            { text: { type: "plain_text", text: t["bulk.mode.add"]() }, value: "add" },
            {
              text: { type: "plain_text", text: t["bulk.mode.replace"]() },
              value: "replace",
              description: { type: "plain_text", text: t["bulk.mode.replace_hint"]() },
            },
          ],
        },
      },
    ],
  };
}

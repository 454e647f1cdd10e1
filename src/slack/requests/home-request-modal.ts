import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { MAX_REASON_LENGTH } from "../../licensing/requests/file-request.ts";
import { wellFormed } from "../../licensing/text.ts";
import type { Catalog } from "../copy/en.ts";
import { plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

/** Slack's limits for a static select; past them the product is typed and matched by key or name. */
export const REQUEST_SELECT_OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;
const SECTION_TEXT_MAX = 3000;

export interface RequestModalInput {
  products: { id: string; name: string }[];
  privateMetadata: string;
  /** Shown above the form when a typed product matched none or several; what was typed stays. */
  problem?: string;
  typedProduct?: string;
  /** The product picked from the menu, kept when the form comes back to correct the reason. */
  productId?: string;
  reason?: string;
}

/**
 * "Request a license" for members: a product, and optionally why. Up to 100 products are a menu;
 * a larger catalog gets a text field matched on submission, as `/license request` matches.
 */
export function buildRequestModal(t: Catalog, input: RequestModalInput): ModalView {
  const f = ids.homeRequestForm;
  const option = (p: { id: string; name: string }): PlainTextOption => ({
    text: { type: "plain_text", text: truncate(plainText(p.name), OPTION_TEXT_MAX) },
    value: p.id,
  });
  const picked = input.products.find((p) => p.id === input.productId);
  const productElement: InputBlock["element"] =
    input.products.length <= REQUEST_SELECT_OPTIONS_MAX
      ? {
          type: "static_select",
          action_id: f.productAction,
          placeholder: { type: "plain_text", text: t["home.request.product_placeholder"]() },
          options: input.products.map(option),
          ...(picked ? { initial_option: option(picked) } : {}),
        }
      : {
          type: "plain_text_input",
          action_id: f.productAction,
          placeholder: { type: "plain_text", text: t["home.request.product_typed_placeholder"]() },
          // The person's own text, given back to correct: as typed, only made well-formed.
          ...(input.typedProduct ? { initial_value: wellFormed(input.typedProduct) } : {}),
        };
  const blocks: KnownBlock[] = [
    ...(input.problem
      ? [
          {
            type: "section" as const,
            text: { type: "mrkdwn" as const, text: truncate(input.problem, SECTION_TEXT_MAX) },
          },
        ]
      : []),
    {
      type: "input",
      block_id: f.productBlock,
      label: { type: "plain_text", text: t["home.request.product"]() },
      element: productElement,
      ...(productElement.type === "plain_text_input"
        ? { hint: { type: "plain_text" as const, text: t["home.request.product_typed_hint"]() } }
        : {}),
    },
    {
      type: "input",
      block_id: f.reasonBlock,
      optional: true,
      label: { type: "plain_text", text: t["home.request.reason"]() },
      hint: { type: "plain_text", text: t["home.request.reason_hint"]() },
      element: {
        type: "plain_text_input",
        action_id: f.reasonAction,
        multiline: true,
        max_length: MAX_REASON_LENGTH,
        ...(input.reason ? { initial_value: truncate(input.reason, MAX_REASON_LENGTH) } : {}),
      },
    },
  ];
  return {
    type: "modal",
    callback_id: f.callbackId,
    private_metadata: input.privateMetadata,
    title: { type: "plain_text", text: t["home.request.title"]() },
    submit: { type: "plain_text", text: t["home.request.submit"]() },
    close: { type: "plain_text", text: t["home.request.cancel"]() },
    blocks,
  };
}

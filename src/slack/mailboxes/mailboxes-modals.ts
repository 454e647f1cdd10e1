import type { ModalView, PlainTextOption } from "@slack/types";
import type { MailboxSummary } from "../../licensing/mailboxes/find-mailbox.ts";
import type { MailboxLicenseOption } from "../../licensing/mailboxes/mailbox-license-options.ts";
import type { Catalog } from "../copy/en.ts";
import { formatSize, plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

const LABEL_MAX = 2000;
const OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;

/** "Record size": one text field, checked on submission, so a typo gets its message beside it. */
export function buildMailboxSizeModal(
  t: Catalog,
  mailbox: MailboxSummary,
  privateMetadata: string,
): ModalView {
  const f = ids.mailboxSize;
  const gigabytes = mailbox.sizeMb / 1024;
  return {
    type: "modal",
    callback_id: f.callbackId,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: t["mailboxes.size.title"]() },
    submit: { type: "plain_text", text: t["mailboxes.size.submit"]() },
    close: { type: "plain_text", text: t["mailboxes.size.cancel"]() },
    blocks: [
      {
        type: "input",
        block_id: f.sizeBlock,
        label: {
          type: "plain_text",
          text: truncate(t["mailboxes.size.label"]({ address: plainText(mailbox.address) }), LABEL_MAX),
        },
        hint: { type: "plain_text", text: t["mailboxes.size.hint"]({ quota: formatSize(mailbox.quotaMb) }) },
        element: {
          type: "plain_text_input",
          action_id: f.sizeAction,
          initial_value: `${Number.isInteger(gigabytes) ? gigabytes : gigabytes.toFixed(2)}`,
          max_length: 30,
        },
      },
    ],
  };
}

/** "Assign a license": which product's seat licenses the mailbox; full products are left out. */
export function buildMailboxLicenseModal(
  t: Catalog,
  mailbox: MailboxSummary,
  products: readonly MailboxLicenseOption[],
  privateMetadata: string,
): ModalView {
  const f = ids.mailboxLicense;
  const options: PlainTextOption[] = products
    .filter((p) => p.available > 0)
    .slice(0, OPTIONS_MAX)
    .map((p) => {
      const seats = t["seats.available"](p);
      return {
        text: {
          type: "plain_text",
          // The name gives way, so the seats always show.
          text: truncate(
            t["mailboxes.license.option"]({
              product: truncate(plainText(p.name), OPTION_TEXT_MAX - seats.length - 3),
              seats,
            }),
            OPTION_TEXT_MAX,
          ),
        },
        value: p.productId,
      };
    });
  return {
    type: "modal",
    callback_id: f.callbackId,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: t["mailboxes.license.title"]() },
    submit: { type: "plain_text", text: t["mailboxes.license.submit"]() },
    close: { type: "plain_text", text: t["mailboxes.size.cancel"]() },
    blocks: [
      {
        type: "input",
        block_id: f.productBlock,
        label: {
          type: "plain_text",
          text: truncate(t["mailboxes.license.label"]({ address: plainText(mailbox.address) }), LABEL_MAX),
        },
        element: {
          type: "static_select",
          action_id: f.productAction,
          options,
          ...(options.length === 1 && options[0] ? { initial_option: options[0] } : {}),
        },
      },
    ],
  };
}

import type { ModalView } from "@slack/types";
import type { Catalog } from "../copy/en.ts";
import { plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

const LABEL_MAX = 2000;
const OPTION_TEXT_MAX = 75;

/**
 * "Set usage location", from an assign refused for want of one: the person's country code, and
 * whether it also becomes the workspace default. Submitting sets it and completes the assign.
 */
export function buildAssignLocationModal(
  t: Catalog,
  person: { name: string },
  privateMetadata: string,
): ModalView {
  const f = ids.assignLocation;
  const plain = (text: string) => ({ type: "plain_text" as const, text });
  const defaultOption = {
    text: plain(truncate(t["location.modal.default"](), OPTION_TEXT_MAX)),
    value: "default",
  };
  return {
    type: "modal",
    callback_id: f.callbackId,
    private_metadata: privateMetadata,
    title: plain(t["location.modal.title"]()),
    submit: plain(t["location.modal.submit"]()),
    close: plain(t["location.modal.cancel"]()),
    blocks: [
      {
        type: "input",
        block_id: f.locationBlock,
        label: plain(truncate(t["location.modal.label"]({ person: plainText(person.name) }), LABEL_MAX)),
        hint: plain(t["location.modal.hint"]()),
        element: { type: "plain_text_input", action_id: f.locationAction, max_length: 2 },
      },
      {
        type: "input",
        block_id: f.defaultBlock,
        optional: true,
        label: plain(t["location.modal.default.label"]()),
        hint: plain(t["location.modal.default.hint"]()),
        element: { type: "checkboxes", action_id: f.defaultAction, options: [defaultOption] },
      },
    ],
  };
}

import type { KnownBlock, ModalView } from "@slack/types";
import type { RemovalWarning } from "../../licensing/removal-warning.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

/** Slack's limits that this view must hold for any data. */
const SECTION_TEXT_MAX = 3000;
const PRIVATE_METADATA_MAX = 3000;

export interface RemoveConfirmationInput {
  warning: RemovalWarning;
  /** The admin's time zone, for the date the data is gone. */
  timeZone: string;
  /** What the submission needs to act: ids only, re-checked on submit. */
  privateMetadata: string;
}

/**
 * The data-loss warning (rule 6) as a confirmation modal: whose data, which services, what (the
 * mailbox and its size), the date it is gone for good, what survives, and that assigning again
 * before then restores it. Nothing changes until it is submitted.
 */
export function buildRemoveConfirmationModal(t: Catalog, input: RemoveConfirmationInput): ModalView {
  const { warning, timeZone } = input;
  if (input.privateMetadata.length > PRIVATE_METADATA_MAX)
    throw new Error("private_metadata over Slack's limit");
  const date = formatInstant(t, warning.goneForGoodAt, timeZone);
  const lostLines = warning.lost.map((item) => {
    const base = { service: escapeMrkdwn(item.service.name), description: escapeMrkdwn(item.description) };
    if (item.mailboxSizeMb !== null)
      return t["remove.lost.mailbox"]({ ...base, size: formatSize(item.mailboxSizeMb) });
    if (item.devices > 0) return t["remove.lost.devices"]({ ...base, devices: item.devices });
    return t["remove.lost.item"](base);
  });
  const blocks: KnownBlock[] = [
    section(
      t["remove.heading"]({
        person: escapeMrkdwn(warning.person.name),
        product: escapeMrkdwn(warning.product.name),
      }),
    ),
    section(
      warning.lost.length > 0
        ? [t["remove.lost.heading"]({ date }), ...lostLines].join("\n")
        : t["remove.lost.none"](),
      ids.removeConfirmation.warningBlock,
    ),
  ];
  if (warning.survives.length > 0) {
    const items = warning.survives
      .map((s) => `${escapeMrkdwn(s.service.name)} (${escapeMrkdwn(s.description)})`)
      .join(", ");
    blocks.push(section(t["remove.survives"]({ items })));
  }
  if (warning.lost.length > 0) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: t["remove.restore_hint"]({ days: warning.restoreWindowDays, date }) },
      ],
    });
  }
  return {
    type: "modal",
    callback_id: ids.removeConfirmation.callbackId,
    private_metadata: input.privateMetadata,
    title: { type: "plain_text", text: t["remove.title"]() },
    submit: { type: "plain_text", text: t["remove.submit"]() },
    close: { type: "plain_text", text: t["remove.cancel"]() },
    blocks,
  };
}

function section(text: string, blockId?: string): KnownBlock {
  return {
    type: "section",
    ...(blockId ? { block_id: blockId } : {}),
    text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT_MAX) },
  };
}

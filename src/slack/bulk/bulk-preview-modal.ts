import type { KnownBlock, ModalView } from "@slack/types";
import type { BulkPreview } from "../../licensing/bulk/preview-bulk-change.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { packSections } from "../shared/message-parts.ts";

/** Slack allows 100 blocks in a modal; the fixed ones are counted out first. */
const MODAL_BLOCKS_MAX = 100;
const PRODUCT_BLOCKS_MAX = 10;

/**
 * The bulk change's confirmation: the counts per product, any shortfall (then nothing can be
 * applied, and there is no Apply button), and every data loss it implies, with its date.
 */
export function buildBulkPreviewModal(
  t: Catalog,
  preview: BulkPreview,
  options: { timeZone: string },
): ModalView {
  const adding = preview.products.reduce((sum, p) => sum + p.adding, 0);
  const removing = preview.products.reduce((sum, p) => sum + p.removing, 0);
  const blocks: KnownBlock[] = [
    section(t["bulk.preview.summary"]({ people: preview.people.length, adding, removing })),
    ...packSections(
      t,
      preview.products.map((p) =>
        t["bulk.preview.product"]({
          product: escapeMrkdwn(p.product.name),
          adding: p.adding,
          removing: p.removing,
          before: p.availableBefore,
          after: p.availableAfter,
        }),
      ),
      PRODUCT_BLOCKS_MAX,
    ),
  ];
  const blocked = preview.shortfalls.length > 0;
  if (blocked) {
    blocks.push(
      section(
        [
          ...preview.shortfalls.map((s) =>
            t["bulk.preview.shortfall"]({ product: escapeMrkdwn(s.product.name), missing: s.missing }),
          ),
          t["bulk.preview.blocked"](),
        ].join("\n"),
      ),
    );
  }
  const losses = preview.dataLoss.filter((w) => w.lost.length > 0);
  if (losses.length === 0) {
    blocks.push(section(t["bulk.preview.no_loss"]()));
  } else {
    const date = formatInstant(t, (losses[0] as (typeof losses)[number]).goneForGoodAt, options.timeZone);
    blocks.push(section(t["bulk.preview.loss_heading"]({ count: losses.length, date })));
    const items = losses.map((w) =>
      t["bulk.preview.loss_item"]({
        person: escapeMrkdwn(w.person.name),
        product: escapeMrkdwn(w.product.name),
        services: w.lost
          .map(
            (l) =>
              `${escapeMrkdwn(l.service.name)}${l.mailboxSizeMb !== null ? ` (${formatSize(l.mailboxSizeMb)})` : ""}`,
          )
          .join(", "),
      }),
    );
    blocks.push(...packSections(t, items, MODAL_BLOCKS_MAX - blocks.length));
  }
  return {
    type: "modal",
    callback_id: ids.bulkPreview.callbackId,
    title: { type: "plain_text", text: t["bulk.title"]() },
    close: { type: "plain_text", text: t["bulk.cancel"]() },
    ...(blocked ? {} : { submit: { type: "plain_text" as const, text: t["bulk.apply"]() } }),
    blocks,
  };
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

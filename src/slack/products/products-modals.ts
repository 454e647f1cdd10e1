import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { type ServicePlanKind, servicePlanKind } from "../../db/schema/index.ts";
import type { ProductDetails } from "../../licensing/catalog/get-product.ts";
import { seatUsage } from "../../licensing/seat-usage.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";

/** Slack's limits for a select menu and for a modal. */
const OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;
const LABEL_MAX = 2000;
const SECTION_TEXT_MAX = 3000;
/** Two blocks a plan; the rest of the form takes under 20 of the modal's 100. */
export const PLANS_SHOWN_MAX = 30;

export interface ProductChoiceRow {
  productId: string;
  key: string;
  name: string;
}

/** Step one: which product to edit, or a new one. Past 99 products the menu groups them by hundreds. */
export function buildProductsPickerModal(t: Catalog, products: readonly ProductChoiceRow[]): ModalView {
  const p = ids.products;
  const newOption: PlainTextOption = { text: plain(t["products.pick.new"]()), value: "new" };
  const option = (row: ProductChoiceRow): PlainTextOption => ({
    // The key gives way last: it is what tells two long, similar names apart.
    text: plain(
      truncate(
        t["products.pick.option"]({
          name: truncate(plainText(row.name), Math.max(10, OPTION_TEXT_MAX - row.key.length - 3)),
          key: row.key,
        }),
        OPTION_TEXT_MAX,
      ),
    ),
    value: row.productId,
  });
  const all = [newOption, ...products.map(option)];
  const groups = [];
  for (let i = 0; i < all.length && groups.length < OPTIONS_MAX; i += OPTIONS_MAX) {
    const chunk = all.slice(i, i + OPTIONS_MAX);
    groups.push({
      label: plain(t["products.pick.group"]({ from: i + 1, to: i + chunk.length })),
      options: chunk,
    });
  }
  const element =
    all.length <= OPTIONS_MAX
      ? { type: "static_select" as const, action_id: p.pickAction, options: all }
      : { type: "static_select" as const, action_id: p.pickAction, option_groups: groups };
  return {
    type: "modal",
    callback_id: p.pickCallbackId,
    title: plain(t["products.title"]()),
    submit: plain(t["products.next"]()),
    close: plain(t["products.cancel"]()),
    blocks: [{ type: "input", block_id: p.pickBlock, label: plain(t["products.pick.label"]()), element }],
  };
}

/** Step two: the product's fields, its plans' names and locations, and one plan to add. */
export function buildProductFormModal(
  t: Catalog,
  product: ProductDetails | null,
  privateMetadata: string,
): ModalView {
  const p = ids.products;
  const intro = product
    ? t["products.form.intro_edit"]({
        name: escapeMrkdwn(product.name),
        seats: t["seats.available"](seatUsage(product.purchasedSeats, product.assignedSeats)),
      })
    : t["products.form.intro_new"]();
  const blocks: KnownBlock[] = [
    section(intro),
    textInput(p.nameBlock, t["products.name"](), { initial: product?.name, maxLength: 200 }),
    textInput(p.keyBlock, t["products.key"](), {
      initial: product?.key,
      maxLength: 40,
      hint: t["products.key.hint"](),
    }),
    {
      type: "input",
      block_id: p.seatsBlock,
      label: plain(t["products.seats"]()),
      hint: plain(t["products.seats.hint"]({ assigned: product?.assignedSeats ?? 0 })),
      element: {
        type: "number_input",
        action_id: p.inputAction,
        is_decimal_allowed: false,
        min_value: "0",
        ...(product ? { initial_value: String(product.purchasedSeats) } : {}),
      },
    },
    {
      type: "input",
      block_id: p.defaultBlock,
      optional: true,
      label: plain(t["products.default"]()),
      element: {
        type: "checkboxes",
        action_id: p.inputAction,
        options: [{ text: plain(t["products.default.option"]()), value: "default" }],
        ...(product?.isDefault
          ? { initial_options: [{ text: plain(t["products.default.option"]()), value: "default" }] }
          : {}),
      },
    },
  ];
  const plans = product?.plans.slice(0, PLANS_SHOWN_MAX) ?? [];
  if (plans.length > 0) {
    blocks.push({ type: "divider" }, section(t["products.plans.header"]()));
    plans.forEach((plan, i) => {
      blocks.push(
        textInput(`${p.planNameBlockPrefix}${i}`, t["products.plan.name"]({ kind: kindName(t, plan.kind) }), {
          initial: plan.name,
          maxLength: 200,
        }),
        textInput(
          `${p.planLocationsBlockPrefix}${i}`,
          t["products.plan.locations"]({ name: plainText(plan.name) }),
          {
            initial: plan.unavailableLocations.join(", "),
            optional: true,
            maxLength: 500,
            hint: t["products.plan.locations.hint"](),
          },
        ),
      );
    });
    const hidden = (product?.plans.length ?? 0) - plans.length;
    if (hidden > 0) blocks.push(section(t["products.plans.more"]({ count: hidden })));
  }
  const optional = product !== null;
  blocks.push(
    { type: "divider" },
    section(product ? t["products.new_plan.header"]() : t["products.new_plan.header_required"]()),
    {
      type: "input",
      block_id: p.newPlanKindBlock,
      optional,
      label: plain(t["products.new_plan.kind"]()),
      element: {
        type: "static_select",
        action_id: p.inputAction,
        options: servicePlanKind.enumValues.map((kind) => ({ text: plain(kindName(t, kind)), value: kind })),
      },
    },
    textInput(p.newPlanNameBlock, t["products.new_plan.name"](), { optional, maxLength: 200 }),
    textInput(p.newPlanDataBlock, t["products.new_plan.data"](), {
      optional,
      maxLength: 300,
      hint: t["products.new_plan.data.hint"](),
    }),
    textInput(p.newPlanLocationsBlock, t["products.new_plan.locations"](), {
      optional: true,
      maxLength: 500,
      hint: t["products.plan.locations.hint"](),
    }),
    {
      type: "input",
      block_id: p.newPlanInstallLimitBlock,
      optional: true,
      label: plain(t["products.new_plan.install_limit"]()),
      hint: plain(t["products.new_plan.install_limit.hint"]()),
      element: {
        type: "number_input",
        action_id: p.inputAction,
        is_decimal_allowed: false,
        min_value: "1",
        max_value: "100",
      },
    },
  );
  return {
    type: "modal",
    callback_id: p.formCallbackId,
    private_metadata: privateMetadata,
    title: plain(t["products.title"]()),
    submit: plain(t["products.save"]()),
    close: plain(t["products.cancel"]()),
    blocks,
  };
}

export function kindName(t: Catalog, kind: ServicePlanKind): string {
  return t[`products.kind.${kind}`]();
}

const plain = (text: string) => ({ type: "plain_text" as const, text });

const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT_MAX) },
});

function textInput(
  blockId: string,
  label: string,
  options: { initial?: string | undefined; optional?: boolean; maxLength: number; hint?: string },
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(truncate(label, LABEL_MAX)),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: ids.products.inputAction,
      max_length: options.maxLength,
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

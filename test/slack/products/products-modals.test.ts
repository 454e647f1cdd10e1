import { describe, expect, it } from "vitest";
import type { ProductDetails } from "../../../src/licensing/catalog/get-product.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import {
  buildProductFormModal,
  buildProductsPickerModal,
} from "../../../src/slack/products/products-modals.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    productId: `p${i}`,
    key: `key-${i}`,
    name: `${"N".repeat(200)} ${i}`,
  }));

describe("the products picker", () => {
  it.each([0, 80, 99, 100, 450])("holds Slack's limits for %i products with 200-character names", (n) => {
    const modal = buildProductsPickerModal(en, rows(n));
    expect(blockKitProblems("modal", modal)).toEqual([]);
    const json = JSON.stringify(modal);
    expect(json).toContain('"value":"new"');
    if (n > 0) expect(json).toContain(`(key-${n - 1})`);
  });

  it("offers a new product first", () => {
    const modal = buildProductsPickerModal(en, rows(2));
    const element = (modal.blocks[0] as { element: { options: { value: string }[] } }).element;
    expect(element.options.map((o) => o.value)).toEqual(["new", "p0", "p1"]);
  });
});

describe("the product form", () => {
  const product = (plans: number): ProductDetails => ({
    id: "00000000-0000-4000-8000-000000000001",
    key: "office",
    name: "O".repeat(200),
    purchasedSeats: 10,
    assignedSeats: 4,
    isDefault: true,
    plans: Array.from({ length: plans }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      key: `plan-${i}`,
      name: "P".repeat(200),
      kind: "mailbox" as const,
      unavailableLocations: ["CN", "RU"],
    })),
  });

  it.each([0, 4, 30, 60])("holds Slack's limits with %i plans of 200-character names", (plans) => {
    const modal = buildProductFormModal(en, product(plans), "{}");
    expect(blockKitProblems("modal", modal)).toEqual([]);
  });

  it("fills in what the product has, and asks for a first plan when it is new", () => {
    const edit = JSON.stringify(buildProductFormModal(en, product(1), "{}"));
    expect(edit).toContain('"initial_value":"10"');
    expect(edit).toContain('"initial_value":"CN, RU"');
    expect(edit).toContain("6 of 10 available");
    expect(edit).toContain("4 are assigned");
    const fresh = buildProductFormModal(en, null, "{}");
    const kind = fresh.blocks.find((b) => b.block_id === ids.products.newPlanKindBlock) as {
      optional?: boolean;
    };
    expect(kind.optional).toBe(false);
  });
});

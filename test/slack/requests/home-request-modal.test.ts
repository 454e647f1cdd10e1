import { describe, expect, it } from "vitest";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildRequestModal } from "../../../src/slack/requests/home-request-modal.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const products = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    name: `Product ${i} ${"z".repeat(200)}`,
  }));

const productElement = (view: ReturnType<typeof buildRequestModal>) =>
  (view.blocks.find((b) => b.block_id === ids.homeRequestForm.productBlock) as { element: { type: string } })
    .element;

describe("the request modal", () => {
  it("offers up to 100 products as a menu, within Slack's limits", () => {
    const view = buildRequestModal(en, { products: products(100), privateMetadata: "{}" });
    expect(productElement(view).type).toBe("static_select");
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("asks for the product by key or name past 100, keeping what was typed and the problem", () => {
    const view = buildRequestModal(en, {
      products: products(101),
      privateMetadata: "{}",
      problem: "x".repeat(5000),
      typedProduct: "offi",
      reason: "r".repeat(5000),
    });
    expect(productElement(view)).toMatchObject({ type: "plain_text_input", initial_value: "offi" });
    expect(blockKitProblems("modal", view)).toEqual([]);
    expect(JSON.stringify(view)).not.toContain("r".repeat(1001));
  });

  it("keeps the product picked from the menu when the form comes back", () => {
    const [, second] = products(3);
    const view = buildRequestModal(en, {
      products: products(3),
      privateMetadata: "{}",
      productId: second?.id,
    });
    expect(productElement(view)).toMatchObject({ initial_option: { value: second?.id } });
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("shows product names neutralised: an override cannot reverse one", () => {
    const view = buildRequestModal(en, {
      products: [{ id: "00000000-0000-4000-8000-000000000001", name: "\u202Egnp.exe\u202C" }],
      privateMetadata: "{}",
    });
    expect(productElement(view)).toMatchObject({ options: [{ text: { text: "gnp.exe" } }] });
  });
});

import { describe, expect, it } from "vitest";
import type { BulkPreview } from "../../../src/licensing/bulk/preview-bulk-change.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { buildBulkFormModal } from "../../../src/slack/bulk/bulk-form-modal.ts";
import { buildBulkPreviewModal } from "../../../src/slack/bulk/bulk-preview-modal.ts";
import { en } from "../../../src/slack/copy/en.ts";

const longName = (i: number) => `Product ${i} ${"with a very long name ".repeat(9)}`.slice(0, 200);

function preview(people: number, products: number, shortBy = 0): BulkPreview {
  const productRefs = Array.from({ length: products }, (_, i) => ({
    id: `p${i}`,
    key: `k${i}`,
    name: longName(i),
  }));
  const changes = productRefs.map((product, i) => ({
    product,
    adding: people,
    removing: 0,
    availableBefore: people - (i === 0 ? shortBy : 0),
    availableAfter: -(i === 0 ? shortBy : 0),
    missing: i === 0 ? shortBy : 0,
  }));
  return {
    ok: true,
    mode: "replace",
    people: [],
    products: changes,
    shortfalls: changes.filter((c) => c.missing > 0),
    dataLoss: Array.from({ length: people }, (_, i) => ({
      person: { id: `u${i}`, name: `Person ${i} ${"x".repeat(180)}`, slackUserId: `U${i}` },
      product: productRefs[0] as { id: string; key: string; name: string },
      removedAt: new Date("2026-03-02T10:00:00Z"),
      goneForGoodAt: new Date("2026-04-01T10:00:00Z"),
      restoreWindowDays: 30,
      lost: [
        {
          service: { key: "ex", name: "Exchange Online", kind: "mailbox" },
          description: "Mailbox",
          mailboxSizeMb: 2048,
          devices: 0,
        },
      ],
      survives: [],
    })),
  };
}

describe("the bulk modals", () => {
  it("the form holds Slack's limits with 80 products of 200-character names", () => {
    const products = Array.from({ length: 80 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: longName(i),
    }));
    expect(blockKitProblems("modal", buildBulkFormModal(en, { products, privateMetadata: "{}" }))).toEqual(
      [],
    );
  });

  it("the preview of 1,000 people over 80 products stays within a modal's limits and says how many more", () => {
    const view = buildBulkPreviewModal(en, preview(1000, 80, 3), { timeZone: "Europe/Stockholm" });
    expect(blockKitProblems("modal", view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("is 3 seats short");
    expect(text).toContain("more");
    expect(view.submit).toBeUndefined();
  });

  it("offers Apply when every product has the seats", () => {
    const view = buildBulkPreviewModal(en, preview(2, 1), { timeZone: "UTC" });
    expect(view.submit?.text).toBe("Apply");
    expect(JSON.stringify(view.blocks)).toContain(
      "This data can be restored until 1 Apr 2026, 10:00 UTC; deleted after that",
    );
  });
});

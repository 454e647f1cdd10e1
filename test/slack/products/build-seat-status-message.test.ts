import { describe, expect, it } from "vitest";
import { en } from "../../../src/slack/copy/en.ts";
import {
  buildSeatStatusMessage,
  type SeatStatusRow,
  seatBar,
} from "../../../src/slack/products/build-seat-status-message.ts";
import { allText, expectWithinMessageLimits, moreCount } from "../shared/message-limits.ts";

const noDefault = { defaultUsageLocation: null };

const row = (name: string, purchased: number, assigned: number, isDefault = false): SeatStatusRow => ({
  name,
  key: name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40),
  purchased,
  assigned,
  available: purchased - assigned,
  isDefault,
});

describe("buildSeatStatusMessage", () => {
  it("shows every product's availability with a bar, the fewest seats left first", () => {
    const message = buildSeatStatusMessage(
      en,
      [
        row("Office 365 Small Business Premium", 10, 4, true),
        row("Project Online", 20, 2),
        row("Exchange Online Plan 1", 5, 5),
        row("Visio", 0, 0),
      ],
      noDefault,
    );
    const text = allText(message);
    expect(text).toContain(
      "`▰▰▰▰▱▱▱▱▱▱` *Office 365 Small Business Premium* `office-365-small-business-premium`: 6 of 10 available",
    );
    expect(text).toContain("_(given to new people)_");
    expect(text).toContain("`▰▱▱▱▱▱▱▱▱▱` *Project Online* `project-online`: 18 of 20 available");
    expect(text).toContain(
      "`▰▰▰▰▰▰▰▰▰▰` *Exchange Online Plan 1* `exchange-online-plan-1`: 0 of 5 available",
    );
    const order = ["Exchange Online Plan 1", "Visio", "Office 365", "Project Online"].map((n) =>
      text.indexOf(n),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("4 products · 2 with no seats left · 24 of 35 seats available in all");
    expect(message.text).toBe("Seat availability for 4 products: 2 with no seats left.");
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "Seat availability" } });
  });

  it("names the default usage location, or how to set one when there is none", () => {
    const set = allText(buildSeatStatusMessage(en, [row("Beta", 10, 5)], { defaultUsageLocation: "SE" }));
    expect(set).toContain("Default usage location: SE");
    const unset = allText(buildSeatStatusMessage(en, [row("Beta", 10, 5)], noDefault));
    expect(unset).toContain("`/license location default CC`");
    expect(allText(buildSeatStatusMessage(en, [], { defaultUsageLocation: "US" }))).toContain(
      "Default usage location: US",
    );
  });

  it("orders equal shares by name", () => {
    const text = allText(buildSeatStatusMessage(en, [row("Beta", 10, 5), row("Alpha", 2, 1)], noDefault));
    expect(text.indexOf("Alpha")).toBeLessThan(text.indexOf("Beta"));
  });

  it("says when there are no products", () => {
    const message = buildSeatStatusMessage(en, [], noDefault);
    expect(allText(message)).toContain("There are no products yet");
    expectWithinMessageLimits(message);
  });

  it("escapes product names", () => {
    const text = allText(buildSeatStatusMessage(en, [row("<!channel> & co", 1, 0)], noDefault));
    expect(text).toContain("&lt;!channel&gt; &amp; co");
    expect(text).not.toContain("<!channel>");
  });

  it("holds Slack's limits for 80 products with 200-character names, showing them all", () => {
    const products = Array.from({ length: 80 }, (_, i) =>
      row(`${i}`.padStart(3, "0") + "x".repeat(197), 10, i % 11),
    );
    const message = buildSeatStatusMessage(en, products, noDefault);
    expectWithinMessageLimits(message);
    const text = allText(message);
    expect(moreCount(text)).toBe(0);
    expect(text.match(/ of 10 available/g)?.length).toBe(80);
  });

  it("holds Slack's limits for thousands of products and counts the ones left out", () => {
    const products = Array.from({ length: 3000 }, (_, i) =>
      row(`Product ${i} ${"y".repeat(190)}`, 100, i % 100),
    );
    const message = buildSeatStatusMessage(en, products, noDefault);
    expectWithinMessageLimits(message);
    const text = allText(message);
    const shown = text.match(/\*Product \d+ /g)?.length ?? 0;
    expect(moreCount(text)).toBeGreaterThan(0);
    expect(shown + moreCount(text)).toBe(3000);
  });
});

describe("seatBar", () => {
  it.each([
    [4, 10, "▰▰▰▰▱▱▱▱▱▱"],
    [0, 10, "▱▱▱▱▱▱▱▱▱▱"],
    [10, 10, "▰▰▰▰▰▰▰▰▰▰"],
    [1, 1000, "▰▱▱▱▱▱▱▱▱▱"],
    [999, 1000, "▰▰▰▰▰▰▰▰▰▱"],
    [0, 0, "▰▰▰▰▰▰▰▰▰▰"],
  ])("%i of %i assigned is %s", (assigned, purchased, bar) => {
    expect(seatBar(assigned, purchased)).toBe(bar);
  });
});

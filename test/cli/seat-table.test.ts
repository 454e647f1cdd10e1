import { describe, expect, it } from "vitest";
import { formatSeatTable } from "../../src/cli/seat-table.ts";
import { seatUsage } from "../../src/licensing/seat-usage.ts";

describe("formatSeatTable", () => {
  it("aligns products with their availability", () => {
    const row = (key: string, name: string, purchased: number, assigned: number, isDefault = false) => ({
      productId: key,
      key,
      name,
      isDefault,
      ...seatUsage(purchased, assigned),
    });
    expect(
      formatSeatTable([row("office", "Office 365", 10, 4, true), row("p1", "Exchange Plan 1", 5, 5)]),
    ).toBe(
      [
        "Product          Key     Available          Default",
        "---------------  ------  -----------------  -------",
        "Office 365       office  6 of 10 available  yes",
        "Exchange Plan 1  p1      0 of 5 available",
      ].join("\n"),
    );
    expect(formatSeatTable([])).toBe("No products yet.");
  });
});

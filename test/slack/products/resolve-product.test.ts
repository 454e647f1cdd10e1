import { describe, expect, it } from "vitest";
import { resolveProduct } from "../../../src/slack/products/resolve-product.ts";

const products = [
  { id: "1", key: "office", name: "Office 365 Small Business Premium" },
  { id: "2", key: "office-sb", name: "Office 365 Small Business" },
  { id: "3", key: "exchange-p1", name: "Exchange Online Plan 1" },
  { id: "4", key: "lync-p2", name: "Lync Online Plan 2" },
];

describe("resolveProduct", () => {
  it.each([
    ["office", "1"],
    ["OFFICE", "1"],
    ["office-sb", "2"],
    ["Office 365 Small Business", "2"],
    ["  office   365 small business premium ", "1"],
    ["exch", "3"],
    ["Exchange", "3"],
    ["lync", "4"],
    ["l", "4"],
  ])("%j finds product %s", (query, id) => {
    expect(resolveProduct(products, query)).toMatchObject({ kind: "found", product: { id } });
  });

  it("lists the candidates when a prefix is ambiguous", () => {
    expect(resolveProduct(products, "office 365")).toEqual({
      kind: "ambiguous",
      candidates: [products[0], products[1]],
    });
  });

  it("offers what contains the words, or everything, when nothing matches", () => {
    expect(resolveProduct(products, "plan")).toEqual({
      kind: "unknown",
      candidates: [products[2], products[3]],
    });
    expect(resolveProduct(products, "visio")).toEqual({ kind: "unknown", candidates: products });
    expect(resolveProduct(products, "   ")).toEqual({ kind: "unknown", candidates: products });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { characterCount, cutToUnits, fitsCharacters, wellFormed } from "../../src/licensing/text.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("wellFormed", () => {
  it.each([
    ["plain", "plain"],
    ["a high surrogate alone", "a\uD83C", "a\uFFFD"],
    ["a low surrogate alone", "\uDF89b", "\uFFFDb"],
    ["the halves in the wrong order", "\uDF89\uD83C", "\uFFFD\uFFFD"],
    ["a whole emoji", "🎉 and 👩🏽‍💻", "🎉 and 👩🏽‍💻"],
  ])("%s", (_what, text, expected = text) => {
    expect(wellFormed(text)).toBe(expected);
  });

  it("agrees with String.prototype.toWellFormed for any UTF-16 string", () => {
    const toWellFormed = (s: string) => (s as unknown as { toWellFormed(): string }).toWellFormed();
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(wellFormed(s)).toBe(toWellFormed(s));
      }),
    );
  });
});

describe("characterCount and fitsCharacters", () => {
  it("counts what a person sees as one character as one", () => {
    expect(characterCount("e\u0301")).toBe(1);
    expect(characterCount("👨‍👩‍👧‍👦")).toBe(1);
    expect(characterCount("🇸🇪")).toBe(1);
    expect(characterCount(`${"a".repeat(999)}🎉`)).toBe(1000);
  });

  it("lets 999 letters and an emoji through a limit of 1,000, and not one more", () => {
    expect(fitsCharacters(`${"a".repeat(999)}🎉`, 1000)).toBe(true);
    expect(fitsCharacters(`${"a".repeat(1000)}🎉`, 1000)).toBe(false);
    expect(fitsCharacters("👍🏽".repeat(1000), 1000)).toBe(true);
  });

  it("bounds the stored size even when marks are stacked on a few characters", () => {
    const zalgo = `a${"\u0301".repeat(4000)}`;
    expect(characterCount(zalgo)).toBe(1);
    expect(fitsCharacters(zalgo, 1000)).toBe(false);
  });
});

describe("cutToUnits", () => {
  it("never cuts through a character", () => {
    expect(cutToUnits(`${"a".repeat(999)}🎉`, 1000)).toBe("a".repeat(999));
    expect(cutToUnits("ab👨‍👩‍👧", 5)).toBe("ab");
    expect(cutToUnits("e\u0301e\u0301", 3)).toBe("e\u0301");
    expect(cutToUnits("short", 10)).toBe("short");
  });

  it("keeps within the units and leaves well-formed text, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.nat(40), (s, max) => {
        const cut = cutToUnits(s, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(cut)).toBe(true);
        expect(cut).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});

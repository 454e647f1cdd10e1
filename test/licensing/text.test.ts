import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  characterCount,
  cutToUnits,
  fitsCharacters,
  neutralise,
  wellFormed,
} from "../../src/licensing/text.ts";

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

describe("neutralise", () => {
  it.each([
    ["a right-to-left override shows the name as it is", "\u202Egnp.exe\u202C", "gnp.exe"],
    [
      "every embedding, override and isolate goes",
      "a\u202Ab\u202Bc\u202Dd\u2066e\u2067f\u2068g\u2069h",
      "abcdefgh",
    ],
    ["direction marks go", "\u200Ename\u200F\u061C", "name"],
    ["zero-width spaces and the BOM go", "al\u200Bva\u2060\uFEFF", "alva"],
    ["a joiner between Latin letters goes", "al\u200Dva", "alva"],
    ["a non-joiner between Latin letters goes", "al\u200Cva", "alva"],
    ["a joiner at the edge of an emoji goes", "\u200D👩\u200D", "👩"],
    ["a lone surrogate is replaced", "x\uD83C", "x\uFFFD"],
  ])("%s", (_what, text, expected) => {
    expect(neutralise(text)).toBe(expected);
  });

  it.each([
    ["a family", "👨‍👩‍👧‍👦"],
    ["a skin tone in a sequence", "👩🏽‍💻"],
    ["a rainbow flag (with its variation selector)", "🏳️‍🌈"],
    ["a heart on fire", "❤️‍🔥"],
    ["Persian with a non-joiner", "می\u200Cخواهم"],
    ["Devanagari with a joiner after the virama", "क्\u200Dष"],
    ["ordinary text, accents and right-to-left letters", "Åsa Öberg, שלום, مرحبا"],
  ])("keeps %s as it is", (_what, text) => {
    expect(neutralise(text)).toBe(text);
  });

  it("leaves no bidirectional control or stray zero-width character, for any text", () => {
    const controls = [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ];
    const hidden = [...controls, "\u200E", "\u200F", "\u061C", "\u200B", "\u2060", "\uFEFF"];
    const piece = fc.oneof(
      fc.constantFrom(...hidden, "\u200C", "\u200D"),
      fc.string({ unit: "grapheme-ascii" }),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const shown = neutralise(pieces.join(""));
        for (const c of hidden) expect(shown).not.toContain(c);
        expect(shown).not.toMatch(/[\u200C\u200D]/);
      }),
    );
  });
});

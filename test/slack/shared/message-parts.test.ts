import { describe, expect, it } from "vitest";
import { en } from "../../../src/slack/copy/en.ts";
import { header, message, packSections, shareBlocks } from "../../../src/slack/shared/message-parts.ts";
import { moreCount } from "./message-limits.ts";

const texts = (blocks: ReturnType<typeof packSections>) => blocks.map((b) => b.text?.text ?? "");

describe("packSections", () => {
  it("puts short entries in one section, heading first", () => {
    expect(texts(packSections(en, ["a", "b"], 5, { heading: "*H*" }))).toEqual(["*H*\na\nb"]);
    expect(packSections(en, [], 5)).toEqual([]);
  });

  it("starts a new section before one would pass 3000 characters", () => {
    const blocks = texts(
      packSections(
        en,
        Array.from({ length: 10 }, () => "x".repeat(900)),
        10,
      ),
    );
    expect(blocks).toHaveLength(4);
    for (const text of blocks) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it("counts what does not fit in the last section, heading not included", () => {
    const items = Array.from({ length: 500 }, (_, i) => `${i} ${"y".repeat(400)}`);
    const blocks = texts(packSections(en, items, 3, { heading: "*H*" }));
    expect(blocks).toHaveLength(3);
    const shown = blocks.join("\n").match(/^\d+ y/gm)?.length ?? 0;
    expect(shown + moreCount(blocks.join("\n"))).toBe(500);
    for (const text of blocks) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it("cuts an entry longer than a third of a section", () => {
    const [block] = texts(packSections(en, ["z".repeat(5000)], 1));
    expect(block?.length).toBe(1000);
    expect(block?.endsWith("…")).toBe(true);
  });
});

describe("message parts", () => {
  it("keep the header, the fallback and the block count within Slack's limits", () => {
    expect(header("h".repeat(400)).text.text).toHaveLength(150);
    const built = message(
      "t".repeat(5000),
      Array.from({ length: 80 }, () => header("x")),
    );
    expect(built.text.length).toBeLessThanOrEqual(300);
    expect(built.blocks).toHaveLength(50);
    expect(shareBlocks(2, 2)).toBe(24);
  });
});

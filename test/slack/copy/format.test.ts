import { describe, expect, it } from "vitest";
import { truncate } from "../../../src/slack/copy/format.ts";

describe("truncate", () => {
  it("keeps text within the limit as it is", () => {
    expect(truncate("Office", 10)).toBe("Office");
  });

  it("cuts between characters, never through an emoji, and says it cut", () => {
    expect(truncate(`${"a".repeat(999)}🎉!`, 1000)).toBe(`${"a".repeat(999)}…`);
    expect(truncate("ab👨‍👩‍👧", 6)).toBe("ab…");
    expect(truncate("ab🎉cd", 5)).toBe("ab🎉…");
  });

  it("stays within Slack's limit in UTF-16 units", () => {
    const cut = truncate("🎉".repeat(100), 75);
    expect(cut.length).toBeLessThanOrEqual(75);
    expect(cut.endsWith("🎉…")).toBe(true);
  });

  it("replaces half an emoji that arrived on its own", () => {
    expect(truncate("ok\uD83C", 10)).toBe("ok\uFFFD");
  });
});

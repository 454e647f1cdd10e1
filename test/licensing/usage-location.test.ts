import { describe, expect, it } from "vitest";
import { normalizeUsageLocation } from "../../src/licensing/usage-location.ts";

describe("normalizeUsageLocation", () => {
  it.each([
    ["SE", "SE"],
    ["se", "SE"],
    [" us ", "US"],
    ["CN", "CN"],
    ["XX", null],
    ["ZZ", null],
    ["EU", null],
    ["SWE", null],
    ["", null],
    ["S1", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeUsageLocation(input)).toBe(expected);
  });
});

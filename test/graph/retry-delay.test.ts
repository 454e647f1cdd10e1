import { describe, expect, it } from "vitest";
import { defaultRetryPolicy, retryAfterMs, retryDelayMs } from "../../src/graph/retry-delay.ts";

const policy = { ...defaultRetryPolicy, baseDelayMs: 1000, maxDelayMs: 60_000 };

describe("how long to wait before trying again", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = () => Date.parse("2026-12-03T10:00:00Z");
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs("Thu, 03 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Thu, 03 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
  });

  it("waits Retry-After plus at most a tenth more", () => {
    expect(retryDelayMs(policy, 1, "2", () => 0)).toBe(2000);
    expect(retryDelayMs(policy, 1, "2", () => 0.999)).toBe(2200);
  });

  it("without Retry-After, doubles the step at each try, half of it fixed and half random", () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(policy, attempt, undefined, () => 0))).toEqual([
      500, 1000, 2000,
    ]);
    expect([1, 2, 3].map((attempt) => retryDelayMs(policy, attempt, undefined, () => 0.999))).toEqual([
      1000, 1999, 3998,
    ]);
  });

  it("never waits longer than the policy allows, whatever Graph asks", () => {
    expect(retryDelayMs(policy, 1, "3600", () => 0)).toBe(60_000);
    expect(retryDelayMs(policy, 20, undefined, () => 0)).toBe(60_000);
  });
});

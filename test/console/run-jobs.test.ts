import { describe, expect, it } from "vitest";
import { jobsTime } from "../../src/console/run-jobs.ts";

describe("the time `jobs` runs as of", () => {
  const now = new Date("2026-11-27T09:00:00Z");
  it.each([
    ["", "2026-11-27T09:00:00.000Z"],
    ["--at +29d", "2026-12-26T09:00:00.000Z"],
    ["--at 2026-12-24T09:00:00Z", "2026-12-24T09:00:00.000Z"],
    ["--at yesterday", undefined],
    ["+29d", undefined],
    ["--at", undefined],
  ])("%j", (argument, expected) => {
    expect(jobsTime(argument, now)?.toISOString()).toBe(expected);
  });
});

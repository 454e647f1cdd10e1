import { describe, expect, it } from "vitest";
import { count, nouns } from "../../../src/slack/copy/en/plural.ts";
import { en } from "../../../src/slack/copy/en.ts";

describe("count", () => {
  it.each([
    [0, nouns.person, "nobody"],
    [1, nouns.person, "1 person"],
    [2, nouns.person, "2 people"],
    [0, nouns.seat, "0 seats"],
    [1, nouns.seat, "1 seat"],
    [2, nouns.seat, "2 seats"],
    [1.5, nouns.day, "1.5 days"],
  ])("reads %s with %o as %s", (n, noun, expected) => {
    expect(count(n, noun)).toBe(expected);
  });
});

describe("counts in messages", () => {
  it("the bulk preview counts people and licenses naturally", () => {
    expect(en["bulk.preview.summary"]({ people: 1, adding: 1, removing: 0 })).toBe(
      "*1 person*: *1 license* given, *0* taken away.",
    );
    expect(en["bulk.preview.summary"]({ people: 2, adding: 3, removing: 1 })).toBe(
      "*2 people*: *3 licenses* given, *1* taken away.",
    );
  });

  it("a shortfall of one seat says seat", () => {
    expect(en["bulk.preview.shortfall"]({ product: "Office", missing: 1 })).toBe(
      ":no_entry: *Office* is 1 seat short.",
    );
  });

  it("a bulk change that changed nobody says so", () => {
    expect(en["bulk.done"]({ people: 0, added: 0, removed: 0, restored: 0 })).toContain("nobody changed");
  });

  it("a reminder one day before reads 1 day", () => {
    expect(en["jobs.restore.item"]({ person: "Bo", product: "Office", date: "d", days: 1 })).toContain(
      "(1 day left)",
    );
  });

  it("a request's reply says where the answer comes", () => {
    expect(en["request.filed"]({ person: "Bo", product: "Office" })).toContain("in a direct message");
    expect(en["home.request.filed"]({ product: "Office" })).toContain("in a direct message");
  });
});

import { describe, expect, it } from "vitest";
import { closestWord, editDistance } from "../../../src/slack/license-command/closest-subcommand.ts";
import { LICENSE_SUBCOMMANDS } from "../../../src/slack/license-command/parse-license-command.ts";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["assign", "assign", 0],
    ["asign", "assign", 1],
    ["assing", "assign", 2],
    ["kitten", "sitting", 3],
    ["stauts", "status", 2],
  ])("%s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closestWord", () => {
  it.each([
    ["asign", "assign"],
    ["ASIGN", "assign"],
    ["remvoe", "remove"],
    ["stauts", "status"],
    ["restor", "restore"],
    ["reqest", "request"],
    ["exprot", "export"],
    ["locaton", "location"],
    ["seat", "seats"],
  ])("takes %s for %s", (typed, meant) => {
    expect(closestWord(typed, LICENSE_SUBCOMMANDS)).toBe(meant);
  });

  it.each(["x", "fly", "hello", "licenses", "🎉"])("guesses nothing for %s", (typed) => {
    expect(closestWord(typed, LICENSE_SUBCOMMANDS)).toBeUndefined();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLicenseCommand } from "../../../src/slack/commands/parse-license-command.ts";

const anna = { kind: "user", userId: "U0ANNA" };
const bo = { kind: "user", userId: "W0BO" };

describe("parseLicenseCommand", () => {
  it.each([
    ["", { kind: "help" }],
    ["  HELP ", { kind: "help" }],
    ["status", { kind: "status" }],
    ["bulk", { kind: "bulk" }],
    ["show", { kind: "show" }],
    ["show <@U0ANNA|anna>", { kind: "show", person: anna }],
    ["show anna@example.com", { kind: "show", person: { kind: "email", email: "anna@example.com" } }],
    [
      "show <mailto:Anna@Example.com|Anna@Example.com>",
      { kind: "show", person: { kind: "email", email: "anna@example.com" } },
    ],
    ["assign <@U0ANNA> office", { kind: "assign", people: [anna], product: "office" }],
    [
      "assign <@U0ANNA|anna> <@W0BO> <@U0ANNA> Office 365   Premium",
      { kind: "assign", people: [anna, bo], product: "Office 365 Premium" },
    ],
    [
      'assign <@U0ANNA> "Exchange Online Plan 1"',
      { kind: "assign", people: [anna], product: "Exchange Online Plan 1" },
    ],
    ["assign\u00a0<@U0ANNA>\u00a0office", { kind: "assign", people: [anna], product: "office" }],
    ["remove <@U0ANNA> exchange", { kind: "remove", person: anna, product: "exchange" }],
    ["restore <@U0ANNA> R&amp;D suite", { kind: "restore", person: anna, product: "R&D suite" }],
    ["request office", { kind: "request", product: "office", reason: "" }],
    [
      "request visio for <@W0BO> because drawing floor plans",
      { kind: "request", product: "visio", person: bo, reason: "drawing floor plans" },
    ],
    ["seats office 12", { kind: "seats", product: "office", quantity: 12 }],
    ["seats exchange plan 1 0", { kind: "seats", product: "exchange plan 1", quantity: 0 }],
    ["location <@U0ANNA> se", { kind: "location", person: anna, location: "SE" }],
    ["admins add <@U0ANNA>", { kind: "admins", grant: true, person: anna }],
    ["ADMINS remove <@W0BO|bo>", { kind: "admins", grant: false, person: bo }],
  ])("%j", (text, expected) => {
    expect(parseLicenseCommand(text)).toEqual(expected);
  });

  it.each([
    ["frobnicate x", "UNKNOWN_SUBCOMMAND"],
    ["assign office", "MISSING_PERSON"],
    ["assign <@U0ANNA>", "MISSING_PRODUCT"],
    ["assign <@notauser> office", "MISSING_PERSON"],
    ["remove office", "MISSING_PERSON"],
    ["remove <@U0ANNA>", "MISSING_PRODUCT"],
    ["seats office", "BAD_QUANTITY"],
    ["seats office -3", "BAD_QUANTITY"],
    ["seats office 2.5", "BAD_QUANTITY"],
    ["seats 5", "MISSING_PRODUCT"],
    ["location <@U0ANNA> Sweden", "BAD_LOCATION"],
    ["location <@U0ANNA>", "BAD_LOCATION"],
    ["admins promote <@U0ANNA>", "OTHER"],
    ["admins add", "MISSING_PERSON"],
    ["request", "MISSING_PRODUCT"],
    ["request office for", "MISSING_PERSON"],
    ["show someone", "MISSING_PERSON"],
    [`status ${"x".repeat(4000)}`, "TOO_LONG"],
  ])("%j is %s", (text, code) => {
    expect(parseLicenseCommand(text)).toMatchObject({ kind: "invalid", problem: { code } });
  });

  it("caps the people one command may name", () => {
    const people = Array.from({ length: 101 }, (_, i) => `<@U0P${i}>`).join(" ");
    expect(parseLicenseCommand(`assign ${people} office`)).toEqual({
      kind: "invalid",
      problem: { code: "TOO_MANY_PEOPLE", max: 100 },
    });
  });

  it("never throws, always answers a known kind, the same way twice, for any text", () => {
    const fragment = fc.constantFrom(
      "<@U",
      "U0ANNA",
      "|",
      ">",
      "<",
      "&amp;",
      "&lt;",
      "assign",
      "remove",
      "seats",
      "for",
      "because",
      '"',
      " ",
      "\u00a0",
      "a@b.se",
      "ö",
      "💥",
      "9",
      "-1",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join("")),
      fc.string({ unit: "binary", maxLength: 100 }),
    );
    const kinds = new Set([
      "help",
      "status",
      "bulk",
      "show",
      "assign",
      "remove",
      "restore",
      "request",
      "seats",
      "location",
      "admins",
      "invalid",
    ]);
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parseLicenseCommand(input);
        expect(kinds.has(parsed.kind)).toBe(true);
        expect(parseLicenseCommand(input)).toEqual(parsed);
      }),
      { numRuns: 5000 },
    );
  });
});

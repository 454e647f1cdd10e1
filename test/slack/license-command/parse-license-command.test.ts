import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LICENSE_SUBCOMMANDS,
  MAX_COMMAND_LENGTH,
  type ParsedCommand,
  type ParseProblem,
  parseLicenseCommand,
} from "../../../src/slack/license-command/parse-license-command.ts";

const anna = { kind: "user", userId: "U0ANNA" };
const bo = { kind: "user", userId: "W0BO" };
const annaMail = { kind: "email", email: "anna@example.com" };

describe("parseLicenseCommand", () => {
  it.each([
    ["", { kind: "help" }],
    [" \t\n ", { kind: "help" }],
    ["  HELP ", { kind: "help" }],
    ["status", { kind: "status" }],
    ["Status", { kind: "status" }],
    ["bulk", { kind: "bulk" }],
    ["show", { kind: "show" }],
    ["show <@U0ANNA|anna>", { kind: "show", person: anna }],
    ["show <@W0BO>", { kind: "show", person: bo }],
    ["show anna@example.com", { kind: "show", person: annaMail }],
    ["show Anna@Example.COM", { kind: "show", person: annaMail }],
    ["show <mailto:Anna@Example.com|Anna@Example.com>", { kind: "show", person: annaMail }],
    ["assign <@U0ANNA> office", { kind: "assign", people: [anna], product: "office" }],
    ["assign <@U0ANNA> OFF", { kind: "assign", people: [anna], product: "OFF" }],
    [
      "assign <@U0ANNA|anna> <@W0BO> <@U0ANNA> Office 365   Premium",
      { kind: "assign", people: [anna, bo], product: "Office 365 Premium" },
    ],
    [
      "assign anna@example.com <@U0ANNA> ANNA@example.com visio",
      { kind: "assign", people: [annaMail, anna], product: "visio" },
    ],
    // Display names hold spaces and escaped brackets; the mention is still one token.
    ["assign <@U0ANNA|anna smith> office", { kind: "assign", people: [anna], product: "office" }],
    ["assign <@U0ANNA|a&gt;b> office", { kind: "assign", people: [anna], product: "office" }],
    ["assign <@U0ANNA><@W0BO>office", { kind: "assign", people: [anna, bo], product: "office" }],
    [
      'assign <@U0ANNA> "Exchange Online Plan 1"',
      { kind: "assign", people: [anna], product: "Exchange Online Plan 1" },
    ],
    ["assign <@U0ANNA> “office  365”", { kind: "assign", people: [anna], product: "office 365" }],
    ['assign <@U0ANNA> "office 365', { kind: "assign", people: [anna], product: "office 365" }],
    ["assign\u00a0<@U0ANNA>\u00a0office", { kind: "assign", people: [anna], product: "office" }],
    ["assign\u200b<@U0ANNA>\u3000office\r\n", { kind: "assign", people: [anna], product: "office" }],
    ["assign <@U0ANNA> a&amp;b &lt;x&gt;", { kind: "assign", people: [anna], product: "a&b <x>" }],
    ["assign <@U0ANNA> &amp;lt;", { kind: "assign", people: [anna], product: "&lt;" }],
    ["remove <@U0ANNA> exchange", { kind: "remove", person: anna, product: "exchange" }],
    [
      "REMOVE anna@example.com Exchange Online",
      { kind: "remove", person: annaMail, product: "Exchange Online" },
    ],
    ["restore <@U0ANNA> R&amp;D suite", { kind: "restore", person: anna, product: "R&D suite" }],
    ["request office", { kind: "request", product: "office", reason: "" }],
    ["request office because", { kind: "request", product: "office", reason: "" }],
    [
      "request visio for <@W0BO> because drawing floor plans",
      { kind: "request", product: "visio", person: bo, reason: "drawing floor plans" },
    ],
    [
      'request "Tools for Teams" FOR anna@example.com BECAUSE it is for me',
      { kind: "request", product: "Tools for Teams", person: annaMail, reason: "it is for me" },
    ],
    ["seats office 12", { kind: "seats", product: "office", quantity: 12 }],
    ["seats exchange plan 1 0", { kind: "seats", product: "exchange plan 1", quantity: 0 }],
    ['seats "office 365" 0010', { kind: "seats", product: "office 365", quantity: 10 }],
    ["location <@U0ANNA> se", { kind: "location", person: anna, location: "SE" }],
    ["location anna@example.com US", { kind: "location", person: annaMail, location: "US" }],
    ["location default se", { kind: "default-location", location: "SE" }],
    ["location DEFAULT US", { kind: "default-location", location: "US" }],
    ["notices off", { kind: "notices", on: false }],
    ["Notices ON", { kind: "notices", on: true }],
    ["sync", { kind: "sync" }],
    ["SYNC", { kind: "sync" }],
    ["language sv", { kind: "language", language: "sv" }],
    ["language EN", { kind: "language", language: "en" }],
    ["language svenska", { kind: "language", language: "sv" }],
    ["language auto", { kind: "language", language: null }],
    ["language default sv", { kind: "default-language", language: "sv" }],
    ["language standard en", { kind: "default-language", language: "en" }],
    // Swedish aliases of the English subcommands.
    ["hjälp", { kind: "help" }],
    ["visa <@U0ANNA>", { kind: "show", person: anna }],
    ["tilldela <@U0ANNA> office", { kind: "assign", people: [anna], product: "office" }],
    ["ta-bort <@U0ANNA> office", { kind: "remove", person: anna, product: "office" }],
    ["Återställ <@U0ANNA> office", { kind: "restore", person: anna, product: "office" }],
    ["begär office", { kind: "request", product: "office", reason: "" }],
    ["språk sv", { kind: "language", language: "sv" }],
    ["admins add <@U0ANNA>", { kind: "admins", grant: true, person: anna }],
    ["ADMINS remove <@W0BO|bo>", { kind: "admins", grant: false, person: bo }],
    ["admin ADD anna@example.com", { kind: "admins", grant: true, person: annaMail }],
    ["products", { kind: "products" }],
    ["Mailboxes", { kind: "mailboxes" }],
    ["export", { kind: "export" }],
    ["audit", { kind: "audit" }],
    ["AUDIT <@U0ANNA|anna>", { kind: "audit", person: anna }],
    ["audit anna@example.com", { kind: "audit", person: annaMail }],
  ])("%j", (text, expected) => {
    expect(parseLicenseCommand(text)).toEqual(expected);
  });

  it.each([
    ["frobnicate x", { code: "UNKNOWN_SUBCOMMAND", word: "frobnicate" }, undefined],
    ["<@U0ANNA> assign office", { code: "UNKNOWN_SUBCOMMAND", word: "<@U0ANNA>" }, undefined],
    ["r&amp;d", { code: "UNKNOWN_SUBCOMMAND", word: "r&d" }, undefined],
    [
      "asign <@U0ANNA> office",
      { code: "UNKNOWN_SUBCOMMAND", word: "asign", suggestion: "assign" },
      undefined,
    ],
    ["Stauts", { code: "UNKNOWN_SUBCOMMAND", word: "Stauts", suggestion: "status" }, undefined],
    [`${"💥".repeat(50)} x`, { code: "UNKNOWN_SUBCOMMAND", word: "💥".repeat(40) }, undefined],
    ["assign office", { code: "MISSING_PERSON" }, "assign"],
    ["assign", { code: "MISSING_PERSON" }, "assign"],
    ["assign <@notauser> office", { code: "MISSING_PERSON" }, "assign"],
    ["assign <@u0anna> office", { code: "MISSING_PERSON" }, "assign"],
    ["assign <@U0> office", { code: "MISSING_PERSON" }, "assign"],
    ["assign <#C0GENERAL|general> office", { code: "MISSING_PERSON" }, "assign"],
    // Typed text arrives escaped, so it cannot pass for a mention.
    ["assign &lt;@U0ANNA&gt; office", { code: "MISSING_PERSON" }, "assign"],
    ["assign anna@example office", { code: "MISSING_PERSON" }, "assign"],
    ["assign <@U0ANNA>", { code: "MISSING_PRODUCT" }, "assign"],
    ['assign <@U0ANNA> ""', { code: "MISSING_PRODUCT" }, "assign"],
    ["remove office", { code: "MISSING_PERSON" }, "remove"],
    ["remove <@U0ANNA>", { code: "MISSING_PRODUCT" }, "remove"],
    ["restore", { code: "MISSING_PERSON" }, "restore"],
    ["restore anna@example.com", { code: "MISSING_PRODUCT" }, "restore"],
    ["show someone", { code: "MISSING_PERSON" }, "show"],
    ["show <@U0ANNA> <@W0BO>", { code: "MISSING_PERSON" }, "show"],
    ["request", { code: "MISSING_PRODUCT" }, "request"],
    ["request for <@U0ANNA>", { code: "MISSING_PRODUCT" }, "request"],
    ["request office for", { code: "MISSING_PERSON" }, "request"],
    ["request office for bob", { code: "MISSING_PERSON" }, "request"],
    ["request office for <@U0ANNA> <@W0BO>", { code: "MISSING_PERSON" }, "request"],
    ["seats", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office -3", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office 2.5", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office 1e3", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office 12345678", { code: "BAD_QUANTITY" }, "seats"],
    ["seats office ٣", { code: "BAD_QUANTITY" }, "seats"],
    ["seats 5", { code: "MISSING_PRODUCT" }, "seats"],
    ["location office SE", { code: "MISSING_PERSON" }, "location"],
    ["location <@U0ANNA> Sweden", { code: "BAD_LOCATION" }, "location"],
    ["location <@U0ANNA> s1", { code: "BAD_LOCATION" }, "location"],
    ["location <@U0ANNA> SE US", { code: "BAD_LOCATION" }, "location"],
    ["location <@U0ANNA>", { code: "BAD_LOCATION" }, "location"],
    ["location default", { code: "BAD_LOCATION" }, "location"],
    ["location default Sweden", { code: "BAD_LOCATION" }, "location"],
    ["notices", { code: "OTHER" }, "notices"],
    ["language", { code: "OTHER" }, "language"],
    ["language de", { code: "OTHER" }, "language"],
    ["language default auto", { code: "OTHER" }, "language"],
    ["language sv en", { code: "OTHER" }, "language"],
    ["ta-bort", { code: "MISSING_PERSON" }, "remove"],
    ["notices maybe", { code: "OTHER" }, "notices"],
    ["notices off now", { code: "OTHER" }, "notices"],
    ["admins promote <@U0ANNA>", { code: "OTHER" }, "admins"],
    ["admins", { code: "OTHER" }, "admins"],
    ["admins add", { code: "MISSING_PERSON" }, "admins"],
    ["admin remove office", { code: "MISSING_PERSON" }, "admins"],
    ["audit office", { code: "MISSING_PERSON" }, "audit"],
    ["audit <@U0ANNA> <@W0BO>", { code: "MISSING_PERSON" }, "audit"],
    [`status ${"x".repeat(MAX_COMMAND_LENGTH)}`, { code: "TOO_LONG" }, undefined],
  ])("%j is %j", (text, problem, subcommand) => {
    const expected = subcommand ? { kind: "invalid", problem, subcommand } : { kind: "invalid", problem };
    expect(parseLicenseCommand(text)).toEqual(expected);
  });

  it("takes text of exactly the maximum length", () => {
    const text = `status${" ".repeat(MAX_COMMAND_LENGTH - 6)}`;
    expect(parseLicenseCommand(text)).toEqual({ kind: "status" });
    expect(parseLicenseCommand(`${text} `)).toEqual({ kind: "invalid", problem: { code: "TOO_LONG" } });
  });

  it("caps the people one command may name, after dropping repeats", () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => `<@U0P${i}>`).join(" ");
    expect(parseLicenseCommand(`assign ${people(101)} office`)).toEqual({
      kind: "invalid",
      problem: { code: "TOO_MANY_PEOPLE", max: 100 },
      subcommand: "assign",
    });
    const twice = parseLicenseCommand(`assign ${people(100)} ${people(100)} office`);
    expect(twice).toMatchObject({ kind: "assign", product: "office" });
    expect(twice.kind === "assign" && twice.people.length).toBe(100);
  });

  it.each(LICENSE_SUBCOMMANDS)("knows the listed subcommand %s", (sub) => {
    expect(parseLicenseCommand(sub)).not.toMatchObject({ problem: { code: "UNKNOWN_SUBCOMMAND" } });
  });

  it("answers any text, never throwing, with a well-formed command, the same way twice", () => {
    const fragment = fc.constantFrom(
      ...["<@U", "<@W", "U0ANNA", "u0anna", "|", ">", "<", "<mailto:", "&amp;", "&lt;", "&gt;", "&"],
      ...["assign", "ASSIGN", "remove", "restore", "show", "seats", "location", "admins", "add", "request"],
      ...["for", "because", "SE", '"', "“", "”", " ", "\t", "\n", "\u00a0", "\u200b", "a@b.se", "."],
      ...["ö", "💥", "\u0301", "\ud83d", "9", "-1", "0", "1234567"],
    );
    const char16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.string({ unit: char16, maxLength: 100 }),
      fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join("")),
      fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(" ")),
      fc.string({ minLength: MAX_COMMAND_LENGTH - 2, maxLength: MAX_COMMAND_LENGTH + 2 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parseLicenseCommand(input);
        expectWellFormed(parsed, input);
        expect(parseLicenseCommand(input)).toEqual(parsed);
      }),
      { numRuns: 5000 },
    );
  });
});

const KINDS = new Set<string>([...LICENSE_SUBCOMMANDS, "invalid"]);
// A record, so that a new code does not compile here until the test knows it.
const CODES: Record<ParseProblem["code"], true> = {
  UNKNOWN_SUBCOMMAND: true,
  TOO_MANY_PEOPLE: true,
  MISSING_PERSON: true,
  MISSING_PRODUCT: true,
  BAD_QUANTITY: true,
  BAD_LOCATION: true,
  TOO_LONG: true,
  OTHER: true,
};

/** What the Slack layer relies on, whatever the text was. */
function expectWellFormed(parsed: ParsedCommand, input: string): void {
  expect(KINDS.has(parsed.kind)).toBe(true);
  if (input.length > MAX_COMMAND_LENGTH) expect(parsed).toMatchObject({ problem: { code: "TOO_LONG" } });
  const people =
    "people" in parsed ? parsed.people : "person" in parsed && parsed.person ? [parsed.person] : [];
  for (const person of people) {
    if (person.kind === "user") expect(person.userId).toMatch(/^[UW][A-Z0-9]{2,}$/);
    else expect(person.email).toMatch(/^[^\s@]+@[^\s@]+$/u);
  }
  if ("product" in parsed) {
    expect(parsed.product).not.toBe("");
    expect(parsed.product).toBe(parsed.product.replace(/\s+/g, " ").trim());
  }
  switch (parsed.kind) {
    case "assign":
      expect(parsed.people.length).toBeGreaterThan(0);
      expect(parsed.people.length).toBeLessThanOrEqual(100);
      expect(new Set(parsed.people.map((p) => JSON.stringify(p))).size).toBe(parsed.people.length);
      break;
    case "seats":
      expect(Number.isSafeInteger(parsed.quantity) && parsed.quantity >= 0).toBe(true);
      break;
    case "location":
    case "default-location":
      expect(parsed.location).toMatch(/^[A-Z]{2}$/);
      break;
    case "invalid":
      expect(Object.hasOwn(CODES, parsed.problem.code)).toBe(true);
      if (parsed.subcommand) expect(LICENSE_SUBCOMMANDS).toContain(parsed.subcommand);
      if (parsed.problem.code === "UNKNOWN_SUBCOMMAND")
        expect(Array.from(parsed.problem.word).length).toBeLessThanOrEqual(40);
      break;
  }
}

describe("the usage text", () => {
  it("lists every subcommand the parser knows", async () => {
    const { LICENSE_SUBCOMMANDS } = await import(
      "../../../src/slack/license-command/parse-license-command.ts"
    );
    const { en } = await import("../../../src/slack/copy/en.ts");
    for (const sub of LICENSE_SUBCOMMANDS) expect(en["help.usage"]()).toContain(`/license ${sub}`);
  });
});

describe("Swedish aliases", () => {
  it("are own words only: a name every object has is no alias", () => {
    expect(parseLicenseCommand("constructor")).toMatchObject({ kind: "invalid" });
    expect(parseLicenseCommand("language constructor")).toMatchObject({ kind: "invalid" });
  });
});

import { describe, expect, it } from "vitest";
import { type Failure, fail, type LicensingCode } from "../../../src/licensing/outcome.ts";
import { describeFailure } from "../../../src/slack/copy/describe-failure.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { errorText, messageForCode, nextStep } from "../../../src/slack/copy/licensing-codes.ts";
import { sv } from "../../../src/slack/copy/sv.ts";

const utc = { timeZone: "UTC" };
const bo = { id: "p1", name: "Bo Berg", slackUserId: "U1" };
const exchange = { id: "x1", key: "exo1", name: "Exchange Online Plan 1" };
const about = { person: bo, product: exchange };

/** Each code with every detail its use cases can give: the compiler checks that every code is here. */
const fullest: { [C in LicensingCode]: Failure<C> } = {
  UNKNOWN_PERSON: fail("UNKNOWN_PERSON"),
  UNKNOWN_PRODUCT: fail("UNKNOWN_PRODUCT"),
  PERSON_DEACTIVATED: fail("PERSON_DEACTIVATED", { people: [bo], product: exchange }),
  ALREADY_ASSIGNED: fail("ALREADY_ASSIGNED", about),
  NOT_ASSIGNED: fail("NOT_ASSIGNED", about),
  INHERITED_FROM_GROUP: fail("INHERITED_FROM_GROUP", { ...about, group: "Sales team" }),
  NO_SEATS_LEFT: fail("NO_SEATS_LEFT", {
    product: exchange,
    seats: { purchased: 3, assigned: 3, available: 0 },
  }),
  WINDOW_CLOSED: fail("WINDOW_CLOSED", { ...about, purgedAt: new Date("2027-01-02T08:00:00Z") }),
  NOTHING_TO_RESTORE: fail("NOTHING_TO_RESTORE", about),
  UNKNOWN_WINDOW: fail("UNKNOWN_WINDOW"),
  WINDOW_RESTORED: fail("WINDOW_RESTORED"),
  USAGE_LOCATION_REQUIRED: fail("USAGE_LOCATION_REQUIRED", { people: [bo], product: exchange }),
  LOCATION_CHANGE_LOSES_DATA: fail("LOCATION_CHANGE_LOSES_DATA", {
    warning: {
      person: bo,
      from: "SE",
      to: "CN",
      goneForGoodAt: new Date("2027-01-02T08:00:00Z"),
      lost: [{ service: { key: "lync", name: "Lync Online" }, product: exchange, description: "meetings" }],
      survives: [],
    },
  }),
  NOTHING_RUNS_IN_LOCATION: fail("NOTHING_RUNS_IN_LOCATION", {
    cases: [{ person: bo, product: exchange, services: ["Lync Online"], location: "CN" }],
  }),
  DEVICE_LIMIT_REACHED: fail("DEVICE_LIMIT_REACHED", { limit: 5, devices: ["Mac"] }),
  DEVICE_ALREADY_REGISTERED: fail("DEVICE_ALREADY_REGISTERED"),
  UNKNOWN_DEVICE: fail("UNKNOWN_DEVICE"),
  NO_INSTALLABLE_SERVICE: fail("NO_INSTALLABLE_SERVICE", about),
  QUANTITY_BELOW_ASSIGNED: fail("QUANTITY_BELOW_ASSIGNED", { assigned: 3, toFree: 1, product: exchange }),
  INVALID_QUANTITY: fail("INVALID_QUANTITY", { max: 100 }),
  INVALID_USAGE_LOCATION: fail("INVALID_USAGE_LOCATION", { input: "Sweden" }),
  TENANT_LOCATION_REFUSED: fail("TENANT_LOCATION_REFUSED", {
    permission: "User.ReadWrite.All",
    message: "Insufficient privileges to complete the operation.",
  }),
  NO_MAILBOX: fail("NO_MAILBOX"),
  CATALOG_INVALID: fail("CATALOG_INVALID", { errors: ["products.0.key: required"] }),
  BULK_EMPTY: fail("BULK_EMPTY"),
  BULK_CONFLICT: fail("BULK_CONFLICT", { products: ["exo1"] }),
  IDEMPOTENCY_CONFLICT: fail("IDEMPOTENCY_CONFLICT"),
  NOT_ALLOWED: fail("NOT_ALLOWED"),
  OWN_REQUEST: fail("OWN_REQUEST"),
  ALREADY_DECIDED: fail("ALREADY_DECIDED", {
    status: "denied",
    decidedBy: { name: "Alva", slackUserId: "U9" },
  }),
  DUPLICATE_REQUEST: fail("DUPLICATE_REQUEST", { ...about, requestId: "r1" }),
  REQUESTER_ADMINISTERS: fail("REQUESTER_ADMINISTERS", { product: exchange }),
  NO_APPROVER: fail("NO_APPROVER"),
  UNKNOWN_REQUEST: fail("UNKNOWN_REQUEST"),
  REASON_REQUIRED: fail("REASON_REQUIRED"),
  REASON_TOO_LONG: fail("REASON_TOO_LONG", { max: 500 }),
  TEXT_TOO_LONG: fail("TEXT_TOO_LONG", { field: "note", max: 1000 }),
  UNKNOWN_MAILBOX: fail("UNKNOWN_MAILBOX"),
  PRODUCT_KEY_TAKEN: fail("PRODUCT_KEY_TAKEN"),
  TENANT_NOT_PROVEN: fail("TENANT_NOT_PROVEN", {
    problem: "permission_missing",
    missing: ["User.Read.All"],
    tenantMessage: "Insufficient privileges to complete the operation.",
  }),
  INVALID_TENANT_APP: fail("INVALID_TENANT_APP", { fields: ["tenantId", "clientId"] }),
  SECRET_NOT_STORABLE: fail("SECRET_NOT_STORABLE"),
  NO_TENANT_SETTINGS: fail("NO_TENANT_SETTINGS"),
  TENANT_NOT_CONNECTED: fail("TENANT_NOT_CONNECTED"),
};

/** The codes about one person's license: the words name the person. */
const ABOUT_PERSON = new Set<LicensingCode>([
  "PERSON_DEACTIVATED",
  "ALREADY_ASSIGNED",
  "NOT_ASSIGNED",
  "INHERITED_FROM_GROUP",
  "WINDOW_CLOSED",
  "NOTHING_TO_RESTORE",
  "USAGE_LOCATION_REQUIRED",
  "NO_INSTALLABLE_SERVICE",
  "DUPLICATE_REQUEST",
]);
/** The codes about a product: the words name it, and a command in the next step carries its key. */
const ABOUT_PRODUCT = new Set<LicensingCode>([
  ...ABOUT_PERSON,
  "NO_SEATS_LEFT",
  "QUANTITY_BELOW_ASSIGNED",
  "REQUESTER_ADMINISTERS",
]);

const codes = Object.keys(messageForCode) as LicensingCode[];

describe("describeFailure, over every failure code", () => {
  it.each(codes)("%s names whom and what it is about, and says what to do next", (code) => {
    const { summary, items, next } = describeFailure(en, fullest[code], utc);
    const words = [summary, ...items].join("\n");
    if (ABOUT_PERSON.has(code)) expect(words).toContain("*Bo Berg*");
    if (ABOUT_PRODUCT.has(code)) {
      expect(words).toContain("Exchange Online Plan 1");
      // A command to type names the product by its key, not by a placeholder.
      for (const command of next.match(/`\/license[^`]*`/g) ?? []) expect(command).not.toMatch(/ product\b/);
      if (/`\/license (assign|remove|seats)/.test(next)) expect(next).toContain("exo1");
    }
    expect(next.length).toBeGreaterThan(0);
    expect(next).not.toBe(summary);
    expect(next).toMatch(/[.!?]$/);
    expect(`${words} ${next}`).not.toContain(code);
  });

  it("reads as one says it", () => {
    const text = (failure: Failure) => {
      const { summary, next } = describeFailure(en, failure, utc);
      return `${summary} ${next}`;
    };
    expect(text(fullest.NOT_ASSIGNED)).toBe(
      "*Bo Berg* doesn't have *Exchange Online Plan 1*. To give it: `/license assign @person exo1`.",
    );
    expect(text(fullest.ALREADY_ASSIGNED)).toBe(
      "*Bo Berg* already has *Exchange Online Plan 1*. `/license show @person` lists what they have.",
    );
    expect(text(fullest.WINDOW_CLOSED)).toContain(
      "The restore window of *Bo Berg*'s *Exchange Online Plan 1* has ended (2 Jan 2027, 08:00 UTC)",
    );
  });

  it("lists several people under one sentence, and escapes names", () => {
    const two = describeFailure(
      en,
      fail("USAGE_LOCATION_REQUIRED", { people: [bo, { ...bo, name: "Cleo <C>" }] }),
      utc,
    );
    expect(two.items).toEqual(["*Bo Berg*", "*Cleo &lt;C&gt;*"]);
    expect(two.next).toContain("/license location @person CC");
  });
});

describe("describeFailure in Swedish", () => {
  const svUtc = { timeZone: "UTC" } as const;

  it.each(codes)("%s is said in Swedish, naming whom and what, with a next step", (code) => {
    const english = describeFailure(en, fullest[code], utc);
    const swedish = describeFailure(sv, fullest[code], svUtc);
    expect(swedish.summary).not.toBe(english.summary);
    expect(swedish.next).not.toBe(english.next);
    expect(swedish.items).toHaveLength(english.items.length);
    const words = [swedish.summary, ...swedish.items].join("\n");
    if (ABOUT_PERSON.has(code)) expect(words).toContain("*Bo Berg*");
    if (ABOUT_PRODUCT.has(code)) {
      expect(words).toContain("Exchange Online Plan 1");
      for (const command of swedish.next.match(/`\/license[^`]*`/g) ?? []) {
        expect(command).not.toMatch(/ produkt\b/);
      }
    }
    expect(swedish.next).toMatch(/[.!?]$/);
  });

  it("reads as one says it, with the date as Swedish writes it", () => {
    const text = (failure: Failure) => {
      const { summary, next } = describeFailure(sv, failure, svUtc);
      return `${summary} ${next}`;
    };
    expect(text(fullest.NOT_ASSIGNED)).toBe(
      "*Bo Berg* har inte *Exchange Online Plan 1*. Så här ger du den: `/license assign @person exo1`.",
    );
    expect(text(fullest.WINDOW_CLOSED)).toContain(
      "Ångerperioden för *Exchange Online Plan 1* hos *Bo Berg* är slut (2 jan. 2027 08:00 UTC)",
    );
    expect(text(fullest.INVALID_QUANTITY)).toContain("från 0 till 100.");
    expect(text(fullest.ALREADY_DECIDED)).toBe(
      "Den begäran är redan avslagen av *Alva*. Inget mer att göra: `/license audit` visar vad som hände.",
    );
  });

  it("a move from no usage location says so in Swedish", () => {
    const warning = fullest.LOCATION_CHANGE_LOSES_DATA.warning;
    const moved = fail("LOCATION_CHANGE_LOSES_DATA", { warning: { ...warning, from: null } });
    expect(describeFailure(sv, moved, svUtc).summary).toContain("från ingen plats till CN");
    expect(describeFailure(en, moved, utc).summary).toContain("from no location to CN");
  });

  it("a next step without a product names the placeholder in the reader's language", () => {
    expect(nextStep(sv, "NOT_ASSIGNED")).toBe("Så här ger du den: `/license assign @person produkt`.");
    expect(nextStep(en, "NOT_ASSIGNED")).toBe("To give it: `/license assign @person product`.");
    expect(errorText(sv, "NO_SEATS_LEFT")).toBe(
      "Det finns inga licenser kvar för den produkten. Frigör en licens med `/license remove @person produkt`, eller öka antalet köpta licenser med `/license seats produkt N`.",
    );
  });
});

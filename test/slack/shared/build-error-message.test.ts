import { describe, expect, it } from "vitest";
import { type Failure, fail, type LicensingCode } from "../../../src/licensing/outcome.ts";
import { describeFailure } from "../../../src/slack/copy/describe-failure.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { errorText, messageForCode, nextStep } from "../../../src/slack/copy/licensing-codes.ts";
import { buildErrorMessage, failureText } from "../../../src/slack/shared/build-error-message.ts";
import { allText, expectWithinMessageLimits, moreCount } from "./message-limits.ts";

const utc = { timeZone: "UTC" };
const product = (name: string) => ({ id: name, key: name.toLowerCase(), name });

/** Each code with the least its shape allows: the compiler checks that every code is here. */
const leastOfEach: { [C in LicensingCode]: Failure<C> } = {
  UNKNOWN_PERSON: fail("UNKNOWN_PERSON"),
  UNKNOWN_PRODUCT: fail("UNKNOWN_PRODUCT"),
  PERSON_DEACTIVATED: fail("PERSON_DEACTIVATED"),
  ALREADY_ASSIGNED: fail("ALREADY_ASSIGNED"),
  NOT_ASSIGNED: fail("NOT_ASSIGNED"),
  INHERITED_FROM_GROUP: fail("INHERITED_FROM_GROUP", { group: "Sales team" }),
  NO_SEATS_LEFT: fail("NO_SEATS_LEFT"),
  WINDOW_CLOSED: fail("WINDOW_CLOSED"),
  NOTHING_TO_RESTORE: fail("NOTHING_TO_RESTORE"),
  UNKNOWN_WINDOW: fail("UNKNOWN_WINDOW"),
  WINDOW_RESTORED: fail("WINDOW_RESTORED"),
  USAGE_LOCATION_REQUIRED: fail("USAGE_LOCATION_REQUIRED"),
  LOCATION_CHANGE_LOSES_DATA: fail("LOCATION_CHANGE_LOSES_DATA", {
    warning: {
      person: { name: "Wei", slackUserId: "U1" },
      from: "SE",
      to: "CN",
      goneForGoodAt: new Date("2026-04-01T10:00:00Z"),
      lost: [],
      survives: [],
    },
  }),
  NOTHING_RUNS_IN_LOCATION: fail("NOTHING_RUNS_IN_LOCATION", { cases: [] }),
  DEVICE_LIMIT_REACHED: fail("DEVICE_LIMIT_REACHED", { limit: 5, devices: [] }),
  DEVICE_ALREADY_REGISTERED: fail("DEVICE_ALREADY_REGISTERED"),
  UNKNOWN_DEVICE: fail("UNKNOWN_DEVICE"),
  NO_INSTALLABLE_SERVICE: fail("NO_INSTALLABLE_SERVICE"),
  QUANTITY_BELOW_ASSIGNED: fail("QUANTITY_BELOW_ASSIGNED", { assigned: 2, toFree: 1 }),
  INVALID_QUANTITY: fail("INVALID_QUANTITY", { max: 10 }),
  INVALID_USAGE_LOCATION: fail("INVALID_USAGE_LOCATION", { input: "Sweden" }),
  TENANT_LOCATION_REFUSED: fail("TENANT_LOCATION_REFUSED", {
    permission: "User.ReadWrite.All",
    message: "Insufficient privileges to complete the operation.",
  }),
  NO_MAILBOX: fail("NO_MAILBOX"),
  CATALOG_INVALID: fail("CATALOG_INVALID", { errors: [] }),
  BULK_EMPTY: fail("BULK_EMPTY"),
  BULK_CONFLICT: fail("BULK_CONFLICT", { products: [] }),
  IDEMPOTENCY_CONFLICT: fail("IDEMPOTENCY_CONFLICT"),
  NOT_ALLOWED: fail("NOT_ALLOWED"),
  OWN_REQUEST: fail("OWN_REQUEST"),
  ALREADY_DECIDED: fail("ALREADY_DECIDED", { status: "approved" }),
  DUPLICATE_REQUEST: fail("DUPLICATE_REQUEST", { requestId: "r" }),
  REQUESTER_ADMINISTERS: fail("REQUESTER_ADMINISTERS"),
  NO_APPROVER: fail("NO_APPROVER"),
  UNKNOWN_REQUEST: fail("UNKNOWN_REQUEST"),
  REASON_REQUIRED: fail("REASON_REQUIRED"),
  REASON_TOO_LONG: fail("REASON_TOO_LONG", { max: 500 }),
  TEXT_TOO_LONG: fail("TEXT_TOO_LONG", { field: "device_name", max: 100 }),
  UNKNOWN_MAILBOX: fail("UNKNOWN_MAILBOX"),
  PRODUCT_KEY_TAKEN: fail("PRODUCT_KEY_TAKEN"),
  TENANT_NOT_PROVEN: fail("TENANT_NOT_PROVEN", { problem: "wrong_secret", missing: [], tenantMessage: "" }),
  INVALID_TENANT_APP: fail("INVALID_TENANT_APP", { fields: ["secret"] }),
  SECRET_NOT_STORABLE: fail("SECRET_NOT_STORABLE"),
  NO_TENANT_SETTINGS: fail("NO_TENANT_SETTINGS"),
  TENANT_NOT_CONNECTED: fail("TENANT_NOT_CONNECTED"),
};

describe("buildErrorMessage", () => {
  it.each(Object.keys(messageForCode) as LicensingCode[])("gives %s its words and next step", (code) => {
    const message = buildErrorMessage(en, leastOfEach[code], utc);
    const { next } = describeFailure(en, leastOfEach[code], utc);
    expect(next.length).toBeGreaterThan(0);
    expect(message.text).toContain(next);
    expect(message.text.startsWith(next)).toBe(false);
    expectWithinMessageLimits(message);
  });

  it("gives a failure without details the code's plain words", () => {
    expect(buildErrorMessage(en, fail("NOT_ALLOWED"), utc).text).toBe(errorText(en, "NOT_ALLOWED"));
    expect(errorText(en, "NOT_ALLOWED")).toBe(
      `Only license admins can do that. ${nextStep(en, "NOT_ALLOWED")}`,
    );
  });

  it("says how many seats to free before lowering the purchased amount", () => {
    const text = allText(
      buildErrorMessage(en, fail("QUANTITY_BELOW_ASSIGNED", { assigned: 8, toFree: 3 }), utc),
    );
    expect(text).toBe(
      "8 seats are assigned, more than 5. Free 3 seats first with `/license remove @person product`, or keep at least 8.",
    );
    const named = fail("QUANTITY_BELOW_ASSIGNED", { assigned: 1, toFree: 1, product: product("Visio") });
    expect(failureText(en, named, utc)).toBe(
      "*Visio*: 1 seat is assigned, more than 0. Free 1 seat first with `/license remove @person visio`, or keep at least 1.",
    );
  });

  it("names the product with no seats left, and the seats missing per product in bulk", () => {
    const one = fail("NO_SEATS_LEFT", {
      product: product("Office 365"),
      seats: { purchased: 10, assigned: 10, available: 0 },
    });
    expect(failureText(en, one, utc)).toBe(
      "No seats are left for *Office 365* (0 of 10 available). Free a seat with `/license remove @person office 365`, or set more purchased seats with `/license seats office 365 N`.",
    );
    const bulk = fail("NO_SEATS_LEFT", {
      shortfalls: [
        {
          product: product("Office 365"),
          adding: 5,
          removing: 1,
          availableBefore: 1,
          availableAfter: -3,
          missing: 3,
        },
        {
          product: product("Visio"),
          adding: 2,
          removing: 0,
          availableBefore: 0,
          availableAfter: -2,
          missing: 2,
        },
      ],
    });
    const text = allText(buildErrorMessage(en, bulk, utc));
    expect(text).toContain("Not enough seats, so nothing was changed.");
    expect(text).toContain("• *Office 365*: 3 missing (5 to assign, 2 available)");
    expect(text).toContain("• *Visio*: 2 missing (2 to assign, 0 available)");
  });

  it("dates a closed restore window in the viewer's time zone", () => {
    const closed = fail("WINDOW_CLOSED", { purgedAt: new Date("2026-03-31T23:30:00Z") });
    expect(failureText(en, closed, { timeZone: "Europe/Stockholm" })).toContain(
      "ended on 1 Apr 2026, 01:30 CEST",
    );
    expect(failureText(en, fail("WINDOW_CLOSED", { purgedAt: null }), utc)).toContain(
      "The restore window has ended",
    );
  });

  it("says who decided a request, and when, when it is known", () => {
    const decided = fail("ALREADY_DECIDED", {
      status: "approved",
      decidedBy: { name: "Bo <Ek>", slackUserId: "U2" },
      decidedAt: new Date("2026-03-03T12:00:00Z"),
    });
    expect(failureText(en, decided, utc)).toBe(
      `That request was already approved by *Bo &lt;Ek&gt;* on 3 Mar 2026, 12:00 UTC. ${nextStep(en, "ALREADY_DECIDED")}`,
    );
    expect(failureText(en, fail("ALREADY_DECIDED", { status: "cancelled" }), utc)).toBe(
      `That request was already cancelled. ${nextStep(en, "ALREADY_DECIDED")}`,
    );
  });

  it("shows the other details failures carry", () => {
    const devices = allText(
      buildErrorMessage(en, fail("DEVICE_LIMIT_REACHED", { limit: 5, devices: ["Mac", "PC <2>"] }), utc),
    );
    expect(devices).toContain("All 5 installs are in use");
    expect(devices).toContain("• PC &lt;2&gt;");
    expect(failureText(en, fail("INVALID_QUANTITY", { max: 1_000_000 }), utc)).toContain(
      "from 0 to 1,000,000",
    );
    expect(failureText(en, fail("INVALID_USAGE_LOCATION", { input: "Sweden" }), utc)).toContain(
      '"Sweden" is not',
    );
    const people = allText(
      buildErrorMessage(
        en,
        fail("USAGE_LOCATION_REQUIRED", { people: [{ id: "p", name: "Anna", slackUserId: "U1" }] }),
        utc,
      ),
    );
    expect(people).toContain("*Anna* has no usage location");
    const catalog = allText(
      buildErrorMessage(en, fail("CATALOG_INVALID", { errors: ["products.0.key: required"] }), utc),
    );
    expect(catalog).toContain("• products.0.key: required");
  });

  it("falls back to the code's words when an optional detail is left out", () => {
    expect(failureText(en, fail("NO_SEATS_LEFT"), utc)).toBe(errorText(en, "NO_SEATS_LEFT"));
    expect(failureText(en, fail("WINDOW_CLOSED", { purgedAt: new Date(Number.NaN) }), utc)).toContain(
      "has ended",
    );
  });

  it("holds Slack's limits for long lists and counts what is left out", () => {
    const errors = Array.from({ length: 2000 }, (_, i) => `error ${i}: ${"e".repeat(300)}`);
    const message = buildErrorMessage(en, fail("CATALOG_INVALID", { errors }), utc);
    expectWithinMessageLimits(message);
    const text = allText(message);
    const shown = text.match(/• error \d+/g)?.length ?? 0;
    expect(shown + moreCount(text)).toBe(2000);
    expect(moreCount(text)).toBeGreaterThan(0);
  });
});

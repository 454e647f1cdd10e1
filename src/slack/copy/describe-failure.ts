import type { RequestStatus } from "../../db/schema/index.ts";
import type { FailurePerson, FailureProduct, SeatShortfall } from "../../licensing/failure-details.ts";
import type { Failure, LicensingCode } from "../../licensing/outcome.ts";
import type { Catalog } from "./en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "./format.ts";
import { messageForCode, nextStep } from "./licensing-codes.ts";

/**
 * A refusal in words: what happened, naming the person and product it is about when the failure
 * carries them; the list it names, if any; and what to do next.
 */
export interface FailureDescription {
  summary: string;
  items: string[];
  next: string;
}

/** A user's input echoed back is cut short: it is a reminder of what they typed, not a copy. */
const ECHO_MAX = 40;

type Describe<C extends LicensingCode> = (failure: Failure<C>, timeZone: string) => FailureDescription;

const named = (text: string | undefined) => escapeMrkdwn(text ?? "");

/** The code's own words, and its next step with the product's key when the failure names one. */
function plainWords(t: Catalog, failure: Failure & { product?: FailureProduct }): FailureDescription {
  return {
    summary: t[messageForCode[failure.code]](),
    items: [],
    next: nextStep(t, failure.code, failure.product?.key),
  };
}
const only = (
  t: Catalog,
  failure: Failure & { product?: FailureProduct },
  summary: string,
): FailureDescription => ({
  ...plainWords(t, failure),
  summary,
});

/** A refusal about one person and one product names both, or falls back to the code's words. */
function aboutBoth<C extends LicensingCode>(
  t: Catalog,
  words: (p: { person: string; product: string }) => string,
): Describe<C> {
  return (f) => {
    const { person, product } = f as { person?: FailurePerson; product?: FailureProduct };
    if (!person || !product) return plainWords(t, f);
    return only(t, f, words({ person: named(person.name), product: named(product.name) }));
  };
}

/**
 * Each code's details in words, one entry per code: a new code, or a new detail in a code's
 * shape, does not compile until it is worded here. A detail left out gets the code's plain words.
 */
const describersIn = (t: Catalog): { [C in LicensingCode]: Describe<C> } => ({
  UNKNOWN_PERSON: (f) => plainWords(t, f),
  UNKNOWN_PRODUCT: (f) => plainWords(t, f),
  PERSON_DEACTIVATED: (f) => peopleNamed(t, f, t["error.named.PERSON_DEACTIVATED"]),
  ALREADY_ASSIGNED: aboutBoth(t, t["error.named.ALREADY_ASSIGNED"]),
  NOT_ASSIGNED: aboutBoth(t, t["error.named.NOT_ASSIGNED"]),
  NO_SEATS_LEFT: (f) => {
    const shortfalls = (f.shortfalls ?? []).flatMap((s) => shortfallLine(t, s));
    if (shortfalls.length > 0) {
      return { ...plainWords(t, f), summary: t["error.detail.NO_SEATS_LEFT.bulk"](), items: shortfalls };
    }
    if (!f.product) return plainWords(t, f);
    if (!f.seats)
      return only(t, f, t["error.detail.NO_SEATS_LEFT.product"]({ product: named(f.product.name) }));
    return only(
      t,
      f,
      t["error.detail.NO_SEATS_LEFT"]({
        product: named(f.product.name),
        seats: t["seats.available"](f.seats),
      }),
    );
  },
  WINDOW_CLOSED: (f, timeZone) => {
    const purgedAt = validDate(f.purgedAt);
    const date = purgedAt === null ? null : formatInstant(t, purgedAt, timeZone);
    if (f.person && f.product) {
      return only(
        t,
        f,
        t["error.named.WINDOW_CLOSED"]({
          person: named(f.person.name),
          product: named(f.product.name),
          date,
        }),
      );
    }
    return date === null ? plainWords(t, f) : only(t, f, t["error.detail.WINDOW_CLOSED"]({ date }));
  },
  NOTHING_TO_RESTORE: aboutBoth(t, t["error.named.NOTHING_TO_RESTORE"]),
  UNKNOWN_WINDOW: (f) => plainWords(t, f),
  WINDOW_RESTORED: (f) => plainWords(t, f),
  USAGE_LOCATION_REQUIRED: (f) => peopleNamed(t, f, t["error.named.USAGE_LOCATION_REQUIRED"]),
  LOCATION_CHANGE_LOSES_DATA: (f, timeZone) => {
    const { warning } = f;
    return {
      ...plainWords(t, f),
      summary: t["location.change.warning"]({
        person: named(warning.person.name),
        from: warning.from ?? "no location",
        to: warning.to,
        date: formatInstant(t, warning.goneForGoodAt, timeZone),
      }),
      items: warning.lost.map((l) =>
        t["location.change.lost_item"]({
          service: named(l.service.name),
          product: named(l.product.name),
          data: named(l.description),
        }),
      ),
    };
  },
  NOTHING_RUNS_IN_LOCATION: (f) => {
    const words = f.cases.map((c) => ({
      person: named(c.person.name),
      product: named(c.product.name),
      services: c.services.map(escapeMrkdwn).join(", "),
      location: named(c.location),
    }));
    const [first] = words;
    if (!first) return plainWords(t, f);
    if (words.length === 1) return only(t, f, t["error.detail.NOTHING_RUNS_IN_LOCATION"](first));
    return {
      ...plainWords(t, f),
      summary: t["error.detail.NOTHING_RUNS_IN_LOCATION.many"](),
      items: words.map((w) => t["error.detail.NOTHING_RUNS_IN_LOCATION.case"](w)),
    };
  },
  DEVICE_LIMIT_REACHED: (f) => ({
    ...plainWords(t, f),
    summary: t["error.detail.DEVICE_LIMIT_REACHED"]({ limit: f.limit }),
    // Device names are text from people: escaped for mrkdwn.
    items: f.devices.map(escapeMrkdwn),
  }),
  DEVICE_ALREADY_REGISTERED: (f) => plainWords(t, f),
  UNKNOWN_DEVICE: (f) => plainWords(t, f),
  NO_INSTALLABLE_SERVICE: aboutBoth(t, t["error.named.NO_INSTALLABLE_SERVICE"]),
  QUANTITY_BELOW_ASSIGNED: (f) => ({
    summary: t["error.detail.QUANTITY_BELOW_ASSIGNED"]({
      product: f.product ? named(f.product.name) : null,
      assigned: f.assigned,
      asked: f.assigned - f.toFree,
    }),
    items: [],
    next: t["error.detail.QUANTITY_BELOW_ASSIGNED.next"]({
      assigned: f.assigned,
      toFree: f.toFree,
      product: f.product?.key ?? "product",
    }),
  }),
  INVALID_QUANTITY: (f) => only(t, f, t["error.detail.INVALID_QUANTITY"]({ max: formatNumber(t, f.max) })),
  INVALID_USAGE_LOCATION: (f) =>
    only(
      t,
      f,
      t["error.detail.INVALID_USAGE_LOCATION"]({ input: escapeMrkdwn(truncate(f.input, ECHO_MAX)) }),
    ),
  NO_MAILBOX: (f) => plainWords(t, f),
  CATALOG_INVALID: (f) =>
    f.errors.length > 0
      ? // Catalog errors quote text from files: escaped for mrkdwn.
        {
          ...plainWords(t, f),
          summary: t["error.detail.CATALOG_INVALID"](),
          items: f.errors.map(escapeMrkdwn),
        }
      : plainWords(t, f),
  BULK_EMPTY: (f) => plainWords(t, f),
  BULK_CONFLICT: (f) =>
    f.products.length > 0
      ? { ...plainWords(t, f), items: f.products.map((p) => `*${escapeMrkdwn(p)}*`) }
      : plainWords(t, f),
  IDEMPOTENCY_CONFLICT: (f) => plainWords(t, f),
  NOT_ALLOWED: (f) => plainWords(t, f),
  OWN_REQUEST: (f) => plainWords(t, f),
  ALREADY_DECIDED: (f, timeZone) => {
    const at = validDate(f.decidedAt);
    return only(
      t,
      f,
      t["error.detail.ALREADY_DECIDED"]({
        status: t[STATUS_WORDS[f.status]](),
        by: f.decidedBy ? escapeMrkdwn(f.decidedBy.name) : null,
        date: at === null ? null : formatInstant(t, at, timeZone),
      }),
    );
  },
  DUPLICATE_REQUEST: aboutBoth(t, t["error.named.DUPLICATE_REQUEST"]),
  REQUESTER_ADMINISTERS: (f) =>
    f.product
      ? only(t, f, t["error.named.REQUESTER_ADMINISTERS"]({ product: named(f.product.name) }))
      : plainWords(t, f),
  NO_APPROVER: (f) => plainWords(t, f),
  UNKNOWN_REQUEST: (f) => plainWords(t, f),
  REASON_REQUIRED: (f) => plainWords(t, f),
  REASON_TOO_LONG: (f) => only(t, f, t["error.detail.REASON_TOO_LONG"]({ max: formatNumber(t, f.max) })),
  TEXT_TOO_LONG: (f) =>
    only(
      t,
      f,
      t["error.detail.TEXT_TOO_LONG"]({ field: t[`error.field.${f.field}`](), max: formatNumber(t, f.max) }),
    ),
  UNKNOWN_MAILBOX: (f) => plainWords(t, f),
  PRODUCT_KEY_TAKEN: (f) => plainWords(t, f),
});

/** A failure in words, made specific by the details it carries. Dates are in the viewer's time zone. */
export function describeFailure(
  t: Catalog,
  failure: Failure,
  options: { timeZone: string },
): FailureDescription {
  // A union's member and the describer of its code agree; TypeScript cannot follow the pairing itself.
  const describe = describersIn(t)[failure.code] as Describe<typeof failure.code>;
  return describe(failure, options.timeZone);
}

const STATUS_WORDS: Record<RequestStatus, `request.status.${string}` & keyof Catalog> = {
  // A request still pending is not "already decided": said only should a caller get it wrong.
  pending: "request.status.decided",
  approved: "request.status.approved",
  denied: "request.status.denied",
  cancelled: "request.status.cancelled",
  expired: "request.status.expired",
};

/** One person is named in the sentence; several are listed under it. */
function peopleNamed(
  t: Catalog,
  failure: Failure<"PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">,
  one: (p: { person: string; product: string | null }) => string,
): FailureDescription {
  const people = failure.people ?? [];
  const [person] = people;
  if (!person) return plainWords(t, failure);
  const product = failure.product ? named(failure.product.name) : null;
  if (people.length === 1) return only(t, failure, one({ person: named(person.name), product }));
  return {
    ...plainWords(t, failure),
    summary: t[`error.detail.${failure.code}`](),
    items: people.map(({ name }) => `*${escapeMrkdwn(name)}*`),
  };
}

function shortfallLine(t: Catalog, s: SeatShortfall): string[] {
  if (s.missing <= 0) return [];
  return [
    t["error.detail.NO_SEATS_LEFT.shortfall"]({
      product: escapeMrkdwn(s.product.name),
      missing: s.missing,
      adding: s.adding,
      available: Math.max(0, s.availableBefore + s.removing),
    }),
  ];
}

function formatNumber(t: Catalog, value: number): string {
  return new Intl.NumberFormat(t["format.locale"]()).format(value);
}

/** A date from the domain; one that does not parse is left unsaid. */
function validDate(value: Date | null | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

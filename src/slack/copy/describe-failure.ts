import type { RequestStatus } from "../../db/schema/index.ts";
import type { FailurePerson, FailureProduct, SeatShortfall } from "../../licensing/failure-details.ts";
import type { Failure, LicensingCode } from "../../licensing/outcome.ts";
import { en } from "./en.ts";
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
function plainWords(failure: Failure & { product?: FailureProduct }): FailureDescription {
  return {
    summary: en[messageForCode[failure.code]](),
    items: [],
    next: nextStep(failure.code, failure.product?.key),
  };
}
const only = (failure: Failure & { product?: FailureProduct }, summary: string): FailureDescription => ({
  ...plainWords(failure),
  summary,
});

/** A refusal about one person and one product names both, or falls back to the code's words. */
function aboutBoth<C extends LicensingCode>(
  words: (p: { person: string; product: string }) => string,
): Describe<C> {
  return (f) => {
    const { person, product } = f as { person?: FailurePerson; product?: FailureProduct };
    if (!person || !product) return plainWords(f);
    return only(f, words({ person: named(person.name), product: named(product.name) }));
  };
}

/**
 * Each code's details in words, one entry per code: a new code, or a new detail in a code's
 * shape, does not compile until it is worded here. A detail left out gets the code's plain words.
 */
const describers: { [C in LicensingCode]: Describe<C> } = {
  UNKNOWN_PERSON: plainWords,
  UNKNOWN_PRODUCT: plainWords,
  PERSON_DEACTIVATED: (f) => peopleNamed(f, en["error.named.PERSON_DEACTIVATED"]),
  ALREADY_ASSIGNED: aboutBoth(en["error.named.ALREADY_ASSIGNED"]),
  NOT_ASSIGNED: aboutBoth(en["error.named.NOT_ASSIGNED"]),
  NO_SEATS_LEFT: (f) => {
    const shortfalls = (f.shortfalls ?? []).flatMap(shortfallLine);
    if (shortfalls.length > 0) {
      return { ...plainWords(f), summary: en["error.detail.NO_SEATS_LEFT.bulk"](), items: shortfalls };
    }
    if (!f.product) return plainWords(f);
    if (!f.seats)
      return only(f, en["error.detail.NO_SEATS_LEFT.product"]({ product: named(f.product.name) }));
    return only(
      f,
      en["error.detail.NO_SEATS_LEFT"]({
        product: named(f.product.name),
        seats: en["seats.available"](f.seats),
      }),
    );
  },
  WINDOW_CLOSED: (f, timeZone) => {
    const purgedAt = validDate(f.purgedAt);
    const date = purgedAt === null ? null : formatInstant(purgedAt, timeZone);
    if (f.person && f.product) {
      return only(
        f,
        en["error.named.WINDOW_CLOSED"]({
          person: named(f.person.name),
          product: named(f.product.name),
          date,
        }),
      );
    }
    return date === null ? plainWords(f) : only(f, en["error.detail.WINDOW_CLOSED"]({ date }));
  },
  NOTHING_TO_RESTORE: aboutBoth(en["error.named.NOTHING_TO_RESTORE"]),
  UNKNOWN_WINDOW: plainWords,
  WINDOW_RESTORED: plainWords,
  USAGE_LOCATION_REQUIRED: (f) => peopleNamed(f, en["error.named.USAGE_LOCATION_REQUIRED"]),
  LOCATION_CHANGE_LOSES_DATA: (f, timeZone) => {
    const { warning } = f;
    return {
      ...plainWords(f),
      summary: en["location.change.warning"]({
        person: named(warning.person.name),
        from: warning.from ?? "no location",
        to: warning.to,
        date: formatInstant(warning.goneForGoodAt, timeZone),
      }),
      items: warning.lost.map((l) =>
        en["location.change.lost_item"]({
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
    if (!first) return plainWords(f);
    if (words.length === 1) return only(f, en["error.detail.NOTHING_RUNS_IN_LOCATION"](first));
    return {
      ...plainWords(f),
      summary: en["error.detail.NOTHING_RUNS_IN_LOCATION.many"](),
      items: words.map((w) => en["error.detail.NOTHING_RUNS_IN_LOCATION.case"](w)),
    };
  },
  DEVICE_LIMIT_REACHED: (f) => ({
    ...plainWords(f),
    summary: en["error.detail.DEVICE_LIMIT_REACHED"]({ limit: f.limit }),
    // Device names are text from people: escaped for mrkdwn.
    items: f.devices.map(escapeMrkdwn),
  }),
  DEVICE_ALREADY_REGISTERED: plainWords,
  UNKNOWN_DEVICE: plainWords,
  NO_INSTALLABLE_SERVICE: aboutBoth(en["error.named.NO_INSTALLABLE_SERVICE"]),
  QUANTITY_BELOW_ASSIGNED: (f) => ({
    summary: en["error.detail.QUANTITY_BELOW_ASSIGNED"]({
      product: f.product ? named(f.product.name) : null,
      assigned: f.assigned,
      asked: f.assigned - f.toFree,
    }),
    items: [],
    next: en["error.detail.QUANTITY_BELOW_ASSIGNED.next"]({
      assigned: f.assigned,
      toFree: f.toFree,
      product: f.product?.key ?? "product",
    }),
  }),
  INVALID_QUANTITY: (f) => only(f, en["error.detail.INVALID_QUANTITY"]({ max: formatNumber(f.max) })),
  INVALID_USAGE_LOCATION: (f) =>
    only(f, en["error.detail.INVALID_USAGE_LOCATION"]({ input: escapeMrkdwn(truncate(f.input, ECHO_MAX)) })),
  NO_MAILBOX: plainWords,
  CATALOG_INVALID: (f) =>
    f.errors.length > 0
      ? // Catalog errors quote text from files: escaped for mrkdwn.
        { ...plainWords(f), summary: en["error.detail.CATALOG_INVALID"](), items: f.errors.map(escapeMrkdwn) }
      : plainWords(f),
  BULK_EMPTY: plainWords,
  BULK_CONFLICT: (f) =>
    f.products.length > 0
      ? { ...plainWords(f), items: f.products.map((p) => `*${escapeMrkdwn(p)}*`) }
      : plainWords(f),
  IDEMPOTENCY_CONFLICT: plainWords,
  NOT_ALLOWED: plainWords,
  OWN_REQUEST: plainWords,
  ALREADY_DECIDED: (f, timeZone) => {
    const at = validDate(f.decidedAt);
    return only(
      f,
      en["error.detail.ALREADY_DECIDED"]({
        status: STATUS_WORDS[f.status](),
        by: f.decidedBy ? escapeMrkdwn(f.decidedBy.name) : null,
        date: at === null ? null : formatInstant(at, timeZone),
      }),
    );
  },
  DUPLICATE_REQUEST: aboutBoth(en["error.named.DUPLICATE_REQUEST"]),
  REQUESTER_ADMINISTERS: (f) =>
    f.product
      ? only(f, en["error.named.REQUESTER_ADMINISTERS"]({ product: named(f.product.name) }))
      : plainWords(f),
  NO_APPROVER: plainWords,
  UNKNOWN_REQUEST: plainWords,
  REASON_REQUIRED: plainWords,
  REASON_TOO_LONG: (f) => only(f, en["error.detail.REASON_TOO_LONG"]({ max: formatNumber(f.max) })),
  TEXT_TOO_LONG: (f) =>
    only(
      f,
      en["error.detail.TEXT_TOO_LONG"]({ field: en[`error.field.${f.field}`](), max: formatNumber(f.max) }),
    ),
  UNKNOWN_MAILBOX: plainWords,
  PRODUCT_KEY_TAKEN: plainWords,
  TENANT_NOT_PROVEN: (f) => ({
    ...plainWords(f),
    summary: `${en["error.TENANT_NOT_PROVEN"]()} ${en[`tenant.problem.${f.problem}`]()}`,
    items: [
      ...f.missing.map((permission) =>
        en["tenant.missing_permission"]({ permission: escapeMrkdwn(permission) }),
      ),
      ...(f.tenantMessage
        ? [en["tenant.their_words"]({ message: escapeMrkdwn(truncate(f.tenantMessage, TENANT_WORDS_MAX)) })]
        : []),
    ],
  }),
  INVALID_TENANT_APP: (f) => ({
    ...plainWords(f),
    items: f.fields.map((field) => en[`tenant.field.${field}`]()),
  }),
  SECRET_NOT_STORABLE: plainWords,
  NO_TENANT_SETTINGS: plainWords,
  TENANT_NOT_CONNECTED: plainWords,
};

/** The tenant's own words, quoted after ours: enough to search for, never a page of trace ids. */
const TENANT_WORDS_MAX = 300;

/** A failure in words, made specific by the details it carries. Dates are in the viewer's time zone. */
export function describeFailure(failure: Failure, options: { timeZone: string }): FailureDescription {
  // A union's member and the describer of its code agree; TypeScript cannot follow the pairing itself.
  const describe = describers[failure.code] as Describe<typeof failure.code>;
  return describe(failure, options.timeZone);
}

const STATUS_WORDS: Record<RequestStatus, () => string> = {
  // A request still pending is not "already decided": said only should a caller get it wrong.
  pending: en["request.status.decided"],
  approved: en["request.status.approved"],
  denied: en["request.status.denied"],
  cancelled: en["request.status.cancelled"],
  expired: en["request.status.expired"],
};

/** One person is named in the sentence; several are listed under it. */
function peopleNamed(
  failure: Failure<"PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">,
  one: (p: { person: string; product: string | null }) => string,
): FailureDescription {
  const people = failure.people ?? [];
  const [person] = people;
  if (!person) return plainWords(failure);
  const product = failure.product ? named(failure.product.name) : null;
  if (people.length === 1) return only(failure, one({ person: named(person.name), product }));
  return {
    ...plainWords(failure),
    summary: en[`error.detail.${failure.code}`](),
    items: people.map(({ name }) => `*${escapeMrkdwn(name)}*`),
  };
}

function shortfallLine(s: SeatShortfall): string[] {
  if (s.missing <= 0) return [];
  return [
    en["error.detail.NO_SEATS_LEFT.shortfall"]({
      product: escapeMrkdwn(s.product.name),
      missing: s.missing,
      adding: s.adding,
      available: Math.max(0, s.availableBefore + s.removing),
    }),
  ];
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat("en-GB").format(value);
}

/** A date from the domain; one that does not parse is left unsaid. */
function validDate(value: Date | null | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

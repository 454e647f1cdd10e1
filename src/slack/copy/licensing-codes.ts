import type { RequestStatus } from "../../db/schema/index.ts";
import type { SeatShortfall } from "../../licensing/failure-details.ts";
import type { Failure, LicensingCode } from "../../licensing/outcome.ts";
import type { errors } from "./en/errors.ts";
import { en } from "./en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "./format.ts";

/** One message for each business outcome: a new code does not compile until it has its words. */
export const messageForCode: Record<LicensingCode, keyof typeof errors> = {
  UNKNOWN_PERSON: "error.UNKNOWN_PERSON",
  UNKNOWN_PRODUCT: "error.UNKNOWN_PRODUCT",
  PERSON_DEACTIVATED: "error.PERSON_DEACTIVATED",
  ALREADY_ASSIGNED: "error.ALREADY_ASSIGNED",
  NOT_ASSIGNED: "error.NOT_ASSIGNED",
  NO_SEATS_LEFT: "error.NO_SEATS_LEFT",
  WINDOW_CLOSED: "error.WINDOW_CLOSED",
  NOTHING_TO_RESTORE: "error.NOTHING_TO_RESTORE",
  UNKNOWN_WINDOW: "error.UNKNOWN_WINDOW",
  WINDOW_RESTORED: "error.WINDOW_RESTORED",
  USAGE_LOCATION_REQUIRED: "error.USAGE_LOCATION_REQUIRED",
  NOTHING_RUNS_IN_LOCATION: "error.NOTHING_RUNS_IN_LOCATION",
  LOCATION_CHANGE_LOSES_DATA: "error.LOCATION_CHANGE_LOSES_DATA",
  DEVICE_LIMIT_REACHED: "error.DEVICE_LIMIT_REACHED",
  DEVICE_ALREADY_REGISTERED: "error.DEVICE_ALREADY_REGISTERED",
  UNKNOWN_DEVICE: "error.UNKNOWN_DEVICE",
  NO_INSTALLABLE_SERVICE: "error.NO_INSTALLABLE_SERVICE",
  QUANTITY_BELOW_ASSIGNED: "error.QUANTITY_BELOW_ASSIGNED",
  INVALID_QUANTITY: "error.INVALID_QUANTITY",
  INVALID_USAGE_LOCATION: "error.INVALID_USAGE_LOCATION",
  NO_MAILBOX: "error.NO_MAILBOX",
  CATALOG_INVALID: "error.CATALOG_INVALID",
  BULK_EMPTY: "error.BULK_EMPTY",
  BULK_CONFLICT: "error.BULK_CONFLICT",
  IDEMPOTENCY_CONFLICT: "error.IDEMPOTENCY_CONFLICT",
  NOT_ALLOWED: "error.NOT_ALLOWED",
  OWN_REQUEST: "error.OWN_REQUEST",
  ALREADY_DECIDED: "error.ALREADY_DECIDED",
  DUPLICATE_REQUEST: "error.DUPLICATE_REQUEST",
  REQUESTER_ADMINISTERS: "error.REQUESTER_ADMINISTERS",
  NO_APPROVER: "error.NO_APPROVER",
  UNKNOWN_REQUEST: "error.UNKNOWN_REQUEST",
  REASON_REQUIRED: "error.REASON_REQUIRED",
  REASON_TOO_LONG: "error.REASON_TOO_LONG",
  UNKNOWN_MAILBOX: "error.UNKNOWN_MAILBOX",
  PRODUCT_KEY_TAKEN: "error.PRODUCT_KEY_TAKEN",
};

/** The plain message for a code, without the details a failure may carry. */
export function errorText(code: LicensingCode): string {
  return en[messageForCode[code]]();
}

/** A refusal in words: one sentence with the failure's own details, and the list it names, if any. */
export interface FailureDescription {
  summary: string;
  items: string[];
}

/** A user's input echoed back is cut short: it is a reminder of what they typed, not a copy. */
const ECHO_MAX = 40;

type Describe<C extends LicensingCode> = (failure: Failure<C>, timeZone: string) => FailureDescription;

/** A code whose words take nothing from its details. */
const plainWords = (failure: Failure): FailureDescription => ({
  summary: errorText(failure.code),
  items: [],
});
const only = (summary: string): FailureDescription => ({ summary, items: [] });

/**
 * Each code's details in words, one entry per code: a new code, or a new detail in a code's
 * shape, does not compile until it is worded here. A detail left out gets the code's plain words.
 */
const describers: { [C in LicensingCode]: Describe<C> } = {
  UNKNOWN_PERSON: plainWords,
  UNKNOWN_PRODUCT: plainWords,
  PERSON_DEACTIVATED: (f) => peopleNamed(f, f.people),
  ALREADY_ASSIGNED: plainWords,
  NOT_ASSIGNED: plainWords,
  NO_SEATS_LEFT: (f) => {
    const shortfalls = (f.shortfalls ?? []).flatMap(shortfallLine);
    if (shortfalls.length > 0) return { summary: en["error.detail.NO_SEATS_LEFT.bulk"](), items: shortfalls };
    if (!f.product || !f.seats) return plainWords(f);
    return only(
      en["error.detail.NO_SEATS_LEFT"]({
        product: escapeMrkdwn(f.product.name),
        seats: en["seats.available"](f.seats),
      }),
    );
  },
  WINDOW_CLOSED: (f, timeZone) => {
    const purgedAt = validDate(f.purgedAt);
    if (purgedAt === null) return plainWords(f);
    return only(en["error.detail.WINDOW_CLOSED"]({ date: formatInstant(purgedAt, timeZone) }));
  },
  NOTHING_TO_RESTORE: plainWords,
  UNKNOWN_WINDOW: plainWords,
  WINDOW_RESTORED: plainWords,
  USAGE_LOCATION_REQUIRED: (f) => peopleNamed(f, f.people),
  LOCATION_CHANGE_LOSES_DATA: (f, timeZone) => {
    const { warning } = f;
    return {
      summary: en["location.change.warning"]({
        person: escapeMrkdwn(warning.person.name),
        from: warning.from ?? "no location",
        to: warning.to,
        date: formatInstant(warning.goneForGoodAt, timeZone),
      }),
      items: warning.lost.map((l) =>
        en["location.change.lost_item"]({
          service: escapeMrkdwn(l.service.name),
          product: escapeMrkdwn(l.product.name),
          data: escapeMrkdwn(l.description),
        }),
      ),
    };
  },
  NOTHING_RUNS_IN_LOCATION: (f) => {
    const words = f.cases.map((c) => ({
      person: escapeMrkdwn(c.person.name),
      product: escapeMrkdwn(c.product.name),
      services: c.services.map(escapeMrkdwn).join(", "),
      location: escapeMrkdwn(c.location),
    }));
    const [first] = words;
    if (!first) return plainWords(f);
    if (words.length === 1) return only(en["error.detail.NOTHING_RUNS_IN_LOCATION"](first));
    return {
      summary: en["error.detail.NOTHING_RUNS_IN_LOCATION.many"](),
      items: words.map((w) => en["error.detail.NOTHING_RUNS_IN_LOCATION.case"](w)),
    };
  },
  DEVICE_LIMIT_REACHED: (f) => ({
    summary: en["error.detail.DEVICE_LIMIT_REACHED"]({ limit: f.limit }),
    // Device names are text from people: escaped for mrkdwn.
    items: f.devices.map(escapeMrkdwn),
  }),
  DEVICE_ALREADY_REGISTERED: plainWords,
  UNKNOWN_DEVICE: plainWords,
  NO_INSTALLABLE_SERVICE: plainWords,
  QUANTITY_BELOW_ASSIGNED: (f) =>
    only(en["error.detail.QUANTITY_BELOW_ASSIGNED"]({ assigned: f.assigned, toFree: f.toFree })),
  INVALID_QUANTITY: (f) => only(en["error.detail.INVALID_QUANTITY"]({ max: formatNumber(f.max) })),
  INVALID_USAGE_LOCATION: (f) =>
    only(en["error.detail.INVALID_USAGE_LOCATION"]({ input: escapeMrkdwn(truncate(f.input, ECHO_MAX)) })),
  NO_MAILBOX: plainWords,
  CATALOG_INVALID: (f) =>
    f.errors.length > 0
      ? // Catalog errors quote text from files: escaped for mrkdwn.
        { summary: en["error.detail.CATALOG_INVALID"](), items: f.errors.map(escapeMrkdwn) }
      : plainWords(f),
  BULK_EMPTY: plainWords,
  BULK_CONFLICT: plainWords,
  IDEMPOTENCY_CONFLICT: plainWords,
  NOT_ALLOWED: plainWords,
  OWN_REQUEST: plainWords,
  ALREADY_DECIDED: (f, timeZone) => {
    const at = validDate(f.decidedAt);
    return only(
      en["error.detail.ALREADY_DECIDED"]({
        status: STATUS_WORDS[f.status](),
        by: f.decidedBy ? escapeMrkdwn(f.decidedBy.name) : null,
        date: at === null ? null : formatInstant(at, timeZone),
      }),
    );
  },
  DUPLICATE_REQUEST: plainWords,
  REQUESTER_ADMINISTERS: plainWords,
  NO_APPROVER: plainWords,
  UNKNOWN_REQUEST: plainWords,
  REASON_REQUIRED: plainWords,
  REASON_TOO_LONG: (f) => only(en["error.detail.REASON_TOO_LONG"]({ max: formatNumber(f.max) })),
  UNKNOWN_MAILBOX: plainWords,
  PRODUCT_KEY_TAKEN: plainWords,
};

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

function peopleNamed(
  failure: Failure<"PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">,
  people: { name: string }[] | undefined,
): FailureDescription {
  if (!people || people.length === 0) return plainWords(failure);
  return {
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

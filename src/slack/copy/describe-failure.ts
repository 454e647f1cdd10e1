import type { RequestStatus } from "../../db/schema/index.ts";
import type { FailurePerson, FailureProduct, SeatShortfall } from "../../licensing/failure-details.ts";
import type { Failure, LicensingCode } from "../../licensing/outcome.ts";
import type { Catalog, MessageId } from "./catalogs.ts";
import { escapeMrkdwn, formatInstant, formatNumber, truncate } from "./format.ts";
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

/** Who reads the description: their language's words, dates in their time zone. */
interface Reader {
  words: Catalog;
  timeZone: string;
}

type Describe<C extends LicensingCode> = (failure: Failure<C>, reader: Reader) => FailureDescription;

/** A message of the reader's catalog, picked by id so each language gives its own. */
type MessageOf<P> = (words: Catalog) => (p: P) => string;

const named = (text: string | undefined) => escapeMrkdwn(text ?? "");

/** The code's own words, and its next step with the product's key when the failure names one. */
function plainWords(failure: Failure & { product?: FailureProduct }, reader: Reader): FailureDescription {
  return {
    summary: reader.words[messageForCode[failure.code]](),
    items: [],
    next: nextStep(reader.words, failure.code, failure.product?.key),
  };
}
const only = (
  failure: Failure & { product?: FailureProduct },
  reader: Reader,
  summary: string,
): FailureDescription => ({
  ...plainWords(failure, reader),
  summary,
});

/** A refusal about one person and one product names both, or falls back to the code's words. */
function aboutBoth<C extends LicensingCode>(
  pick: MessageOf<{ person: string; product: string }>,
): Describe<C> {
  return (f, reader) => {
    const { person, product } = f as { person?: FailurePerson; product?: FailureProduct };
    if (!person || !product) return plainWords(f, reader);
    return only(f, reader, pick(reader.words)({ person: named(person.name), product: named(product.name) }));
  };
}

/** The tenant's own words, quoted after ours: enough to search for, never a page of trace ids. */
const TENANT_WORDS_MAX = 300;

/**
 * Each code's details in words, one entry per code: a new code, or a new detail in a code's
 * shape, does not compile until it is worded here. A detail left out gets the code's plain words.
 */
const describers: { [C in LicensingCode]: Describe<C> } = {
  UNKNOWN_PERSON: plainWords,
  UNKNOWN_PRODUCT: plainWords,
  PERSON_DEACTIVATED: (f, reader) => peopleNamed(f, reader, (w) => w["error.named.PERSON_DEACTIVATED"]),
  ALREADY_ASSIGNED: aboutBoth((w) => w["error.named.ALREADY_ASSIGNED"]),
  NOT_ASSIGNED: aboutBoth((w) => w["error.named.NOT_ASSIGNED"]),
  INHERITED_FROM_GROUP: (f, reader) =>
    aboutBoth<"INHERITED_FROM_GROUP">(
      (w) => (p) => w["error.named.INHERITED_FROM_GROUP"]({ ...p, group: named(f.group) }),
    )(f, reader),
  NO_SEATS_LEFT: (f, reader) => {
    const { words } = reader;
    const shortfalls = (f.shortfalls ?? []).flatMap((s) => shortfallLine(s, words));
    if (shortfalls.length > 0) {
      return {
        ...plainWords(f, reader),
        summary: words["error.detail.NO_SEATS_LEFT.bulk"](),
        items: shortfalls,
      };
    }
    if (!f.product) return plainWords(f, reader);
    if (!f.seats)
      return only(f, reader, words["error.detail.NO_SEATS_LEFT.product"]({ product: named(f.product.name) }));
    return only(
      f,
      reader,
      words["error.detail.NO_SEATS_LEFT"]({
        product: named(f.product.name),
        seats: words["seats.available"](f.seats),
      }),
    );
  },
  WINDOW_CLOSED: (f, reader) => {
    const purgedAt = validDate(f.purgedAt);
    const date = purgedAt === null ? null : formatInstant(reader.words, purgedAt, reader.timeZone);
    if (f.person && f.product) {
      return only(
        f,
        reader,
        reader.words["error.named.WINDOW_CLOSED"]({
          person: named(f.person.name),
          product: named(f.product.name),
          date,
        }),
      );
    }
    return date === null
      ? plainWords(f, reader)
      : only(f, reader, reader.words["error.detail.WINDOW_CLOSED"]({ date }));
  },
  NOTHING_TO_RESTORE: aboutBoth((w) => w["error.named.NOTHING_TO_RESTORE"]),
  UNKNOWN_WINDOW: plainWords,
  WINDOW_RESTORED: plainWords,
  USAGE_LOCATION_REQUIRED: (f, reader) =>
    peopleNamed(f, reader, (w) => w["error.named.USAGE_LOCATION_REQUIRED"]),
  LOCATION_CHANGE_LOSES_DATA: (f, reader) => {
    const { warning } = f;
    const { words } = reader;
    return {
      ...plainWords(f, reader),
      summary: words["location.change.warning"]({
        person: named(warning.person.name),
        from: warning.from ?? words["location.change.from_none"](),
        to: warning.to,
        date: formatInstant(reader.words, warning.goneForGoodAt, reader.timeZone),
      }),
      items: warning.lost.map((l) =>
        words["location.change.lost_item"]({
          service: named(l.service.name),
          product: named(l.product.name),
          data: named(l.description),
        }),
      ),
    };
  },
  NOTHING_RUNS_IN_LOCATION: (f, reader) => {
    const { words } = reader;
    const cases = f.cases.map((c) => ({
      person: named(c.person.name),
      product: named(c.product.name),
      services: c.services.map(escapeMrkdwn).join(", "),
      location: named(c.location),
    }));
    const [first] = cases;
    if (!first) return plainWords(f, reader);
    if (cases.length === 1) return only(f, reader, words["error.detail.NOTHING_RUNS_IN_LOCATION"](first));
    return {
      ...plainWords(f, reader),
      summary: words["error.detail.NOTHING_RUNS_IN_LOCATION.many"](),
      items: cases.map((c) => words["error.detail.NOTHING_RUNS_IN_LOCATION.case"](c)),
    };
  },
  DEVICE_LIMIT_REACHED: (f, reader) => ({
    ...plainWords(f, reader),
    summary: reader.words["error.detail.DEVICE_LIMIT_REACHED"]({ limit: f.limit }),
    // Device names are text from people: escaped for mrkdwn.
    items: f.devices.map(escapeMrkdwn),
  }),
  DEVICE_ALREADY_REGISTERED: plainWords,
  UNKNOWN_DEVICE: plainWords,
  NO_INSTALLABLE_SERVICE: aboutBoth((w) => w["error.named.NO_INSTALLABLE_SERVICE"]),
  QUANTITY_BELOW_ASSIGNED: (f, { words }) => ({
    summary: words["error.detail.QUANTITY_BELOW_ASSIGNED"]({
      product: f.product ? named(f.product.name) : null,
      assigned: f.assigned,
      asked: f.assigned - f.toFree,
    }),
    items: [],
    next: words["error.detail.QUANTITY_BELOW_ASSIGNED.next"]({
      assigned: f.assigned,
      toFree: f.toFree,
      product: f.product?.key ?? words["command.product_placeholder"](),
    }),
  }),
  INVALID_QUANTITY: (f, reader) =>
    only(
      f,
      reader,
      reader.words["error.detail.INVALID_QUANTITY"]({ max: formatNumber(reader.words, f.max) }),
    ),
  INVALID_USAGE_LOCATION: (f, reader) =>
    only(
      f,
      reader,
      reader.words["error.detail.INVALID_USAGE_LOCATION"]({
        input: escapeMrkdwn(truncate(f.input, ECHO_MAX)),
      }),
    ),
  TENANT_LOCATION_REFUSED: (f, reader) =>
    only(
      f,
      reader,
      f.permission
        ? reader.words["error.detail.TENANT_LOCATION_REFUSED.permission"]({ permission: f.permission })
        : reader.words["error.detail.TENANT_LOCATION_REFUSED"]({
            message: escapeMrkdwn(truncate(f.message, ECHO_MAX)),
          }),
    ),
  NO_MAILBOX: plainWords,
  CATALOG_INVALID: (f, reader) =>
    f.errors.length > 0
      ? // Catalog errors quote text from files: escaped for mrkdwn.
        {
          ...plainWords(f, reader),
          summary: reader.words["error.detail.CATALOG_INVALID"](),
          items: f.errors.map(escapeMrkdwn),
        }
      : plainWords(f, reader),
  BULK_EMPTY: plainWords,
  BULK_CONFLICT: (f, reader) =>
    f.products.length > 0
      ? { ...plainWords(f, reader), items: f.products.map((p) => `*${escapeMrkdwn(p)}*`) }
      : plainWords(f, reader),
  IDEMPOTENCY_CONFLICT: plainWords,
  NOT_ALLOWED: plainWords,
  OWN_REQUEST: plainWords,
  ALREADY_DECIDED: (f, reader) => {
    const at = validDate(f.decidedAt);
    return only(
      f,
      reader,
      reader.words["error.detail.ALREADY_DECIDED"]({
        status: reader.words[STATUS_WORDS[f.status]](),
        by: f.decidedBy ? escapeMrkdwn(f.decidedBy.name) : null,
        date: at === null ? null : formatInstant(reader.words, at, reader.timeZone),
      }),
    );
  },
  DUPLICATE_REQUEST: aboutBoth((w) => w["error.named.DUPLICATE_REQUEST"]),
  REQUESTER_ADMINISTERS: (f, reader) =>
    f.product
      ? only(f, reader, reader.words["error.named.REQUESTER_ADMINISTERS"]({ product: named(f.product.name) }))
      : plainWords(f, reader),
  NO_APPROVER: plainWords,
  UNKNOWN_REQUEST: plainWords,
  REASON_REQUIRED: plainWords,
  REASON_TOO_LONG: (f, reader) =>
    only(f, reader, reader.words["error.detail.REASON_TOO_LONG"]({ max: formatNumber(reader.words, f.max) })),
  TEXT_TOO_LONG: (f, reader) =>
    only(
      f,
      reader,
      reader.words["error.detail.TEXT_TOO_LONG"]({
        field: reader.words[`error.field.${f.field}`](),
        max: formatNumber(reader.words, f.max),
      }),
    ),
  UNKNOWN_MAILBOX: plainWords,
  PRODUCT_KEY_TAKEN: plainWords,
  TENANT_NOT_PROVEN: (f, reader) => ({
    ...plainWords(f, reader),
    summary: `${reader.words["error.TENANT_NOT_PROVEN"]()} ${reader.words[`tenant.problem.${f.problem}`]()}`,
    items: [
      ...f.missing.map((permission) =>
        reader.words["tenant.missing_permission"]({ permission: escapeMrkdwn(permission) }),
      ),
      ...(f.tenantMessage
        ? [
            reader.words["tenant.their_words"]({
              message: escapeMrkdwn(truncate(f.tenantMessage, TENANT_WORDS_MAX)),
            }),
          ]
        : []),
    ],
  }),
  INVALID_TENANT_APP: (f, reader) => ({
    ...plainWords(f, reader),
    items: f.fields.map((field) => reader.words[`tenant.field.${field}`]()),
  }),
  SECRET_NOT_STORABLE: plainWords,
  NO_TENANT_SETTINGS: plainWords,
  TENANT_NOT_CONNECTED: plainWords,
};

/**
 * A failure in words, made specific by the details it carries: in the reader's words, with dates
 * in the reader's time zone.
 */
export function describeFailure(
  words: Catalog,
  failure: Failure,
  options: { timeZone: string },
): FailureDescription {
  // A union's member and the describer of its code agree; TypeScript cannot follow the pairing itself.
  const describe = describers[failure.code] as Describe<typeof failure.code>;
  return describe(failure, { words, timeZone: options.timeZone });
}

const STATUS_WORDS: Record<RequestStatus, MessageId & `request.status.${string}`> = {
  // A request still pending is not "already decided": said only should a caller get it wrong.
  pending: "request.status.decided",
  approved: "request.status.approved",
  denied: "request.status.denied",
  cancelled: "request.status.cancelled",
  expired: "request.status.expired",
};

/** One person is named in the sentence; several are listed under it. */
function peopleNamed(
  failure: Failure<"PERSON_DEACTIVATED" | "USAGE_LOCATION_REQUIRED">,
  reader: Reader,
  pick: MessageOf<{ person: string; product: string | null }>,
): FailureDescription {
  const people = failure.people ?? [];
  const [person] = people;
  if (!person) return plainWords(failure, reader);
  const product = failure.product ? named(failure.product.name) : null;
  if (people.length === 1) {
    return only(failure, reader, pick(reader.words)({ person: named(person.name), product }));
  }
  return {
    ...plainWords(failure, reader),
    summary: reader.words[`error.detail.${failure.code}`](),
    items: people.map(({ name }) => `*${escapeMrkdwn(name)}*`),
  };
}

function shortfallLine(s: SeatShortfall, words: Catalog): string[] {
  if (s.missing <= 0) return [];
  return [
    words["error.detail.NO_SEATS_LEFT.shortfall"]({
      product: escapeMrkdwn(s.product.name),
      missing: s.missing,
      adding: s.adding,
      available: Math.max(0, s.availableBefore + s.removing),
    }),
  ];
}

/** A date from the domain; one that does not parse is left unsaid. */
function validDate(value: Date | null | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

import type { Failure } from "../../licensing/outcome.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatDate, truncate } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { MESSAGE_BLOCKS_MAX, type Message, message, packSections, section } from "./message-parts.ts";

/** A refusal in words: one sentence with the failure's own details, and the list it names, if any. */
export interface FailureDescription {
  summary: string;
  items: string[];
}

/** A user's input echoed back is cut short: it is a reminder of what they typed, not a copy. */
const ECHO_MAX = 40;

/**
 * A domain refusal as a short message: the code's words from the catalog, made specific where the
 * failure carries details (how many seats to free, which products lack seats, when the window
 * closed, who decided the request, …). Dates are in the viewer's time zone.
 */
export function buildErrorMessage(failure: Failure, options: { timeZone: string }): Message {
  const { summary, items } = describeFailure(failure, options);
  return message(errorText(failure.code), [
    section(summary),
    ...packSections(
      items.map((item) => en["error.detail.item"]({ item })),
      MESSAGE_BLOCKS_MAX - 1,
    ),
  ]);
}

/** The one-sentence form, for a line in a longer message (one person's failure among several). */
export function failureText(failure: Failure, options: { timeZone: string }): string {
  return describeFailure(failure, options).summary;
}

/**
 * Reads the details each code may carry. Failures reach here typed only by their code, so each
 * detail is checked before use; a failure without them still gets its code's plain words.
 */
export function describeFailure(failure: Failure, options: { timeZone: string }): FailureDescription {
  const d = failure as unknown as Record<string, unknown>;
  const plain: FailureDescription = { summary: errorText(failure.code), items: [] };
  const only = (summary: string): FailureDescription => ({ summary, items: [] });
  switch (failure.code) {
    case "QUANTITY_BELOW_ASSIGNED": {
      const assigned = num(d.assigned);
      const toFree = num(d.toFree);
      if (assigned === null || toFree === null) return plain;
      return only(en["error.detail.QUANTITY_BELOW_ASSIGNED"]({ assigned, toFree }));
    }
    case "NO_SEATS_LEFT": {
      const shortfalls = Array.isArray(d.shortfalls) ? d.shortfalls.flatMap(shortfall) : [];
      if (shortfalls.length > 0)
        return { summary: en["error.detail.NO_SEATS_LEFT.bulk"](), items: shortfalls };
      const product = nameOf(d.product);
      const seats = record(d.seats);
      const available = num(seats?.available);
      const purchased = num(seats?.purchased);
      if (product === null || available === null || purchased === null) return plain;
      return only(
        en["error.detail.NO_SEATS_LEFT"]({
          product: escapeMrkdwn(product),
          seats: en["seats.available"]({ available, purchased }),
        }),
      );
    }
    case "WINDOW_CLOSED": {
      const purgedAt = date(d.purgedAt);
      if (purgedAt === null) return plain;
      return only(en["error.detail.WINDOW_CLOSED"]({ date: formatDate(purgedAt, options.timeZone) }));
    }
    case "ALREADY_DECIDED": {
      const by = nameOf(d.decidedBy);
      const at = date(d.decidedAt);
      if (typeof d.status !== "string" && by === null && at === null) return plain;
      return only(
        en["error.detail.ALREADY_DECIDED"]({
          status: statusWord(d.status),
          by: by === null ? null : escapeMrkdwn(by),
          date: at === null ? null : formatDate(at, options.timeZone),
        }),
      );
    }
    case "DEVICE_LIMIT_REACHED": {
      const limit = num(d.limit);
      if (limit === null) return plain;
      return { summary: en["error.detail.DEVICE_LIMIT_REACHED"]({ limit }), items: strings(d.devices) };
    }
    case "INVALID_QUANTITY": {
      const max = num(d.max);
      if (max === null) return plain;
      return only(en["error.detail.INVALID_QUANTITY"]({ max: new Intl.NumberFormat("en-GB").format(max) }));
    }
    case "REASON_TOO_LONG": {
      const max = num(d.max);
      if (max === null) return plain;
      return only(en["error.detail.REASON_TOO_LONG"]({ max: new Intl.NumberFormat("en-GB").format(max) }));
    }
    case "INVALID_USAGE_LOCATION": {
      if (typeof d.input !== "string") return plain;
      return only(
        en["error.detail.INVALID_USAGE_LOCATION"]({ input: escapeMrkdwn(truncate(d.input, ECHO_MAX)) }),
      );
    }
    case "CATALOG_INVALID": {
      const errors = strings(d.errors);
      return errors.length > 0 ? { summary: en["error.detail.CATALOG_INVALID"](), items: errors } : plain;
    }
    case "PERSON_DEACTIVATED":
    case "USAGE_LOCATION_REQUIRED": {
      const people = Array.isArray(d.people) ? d.people.flatMap((p) => nameOf(p) ?? []) : [];
      if (people.length === 0) return plain;
      return {
        summary: en[`error.detail.${failure.code}`](),
        items: people.map((name) => `*${escapeMrkdwn(name)}*`),
      };
    }
    default:
      return plain;
  }
}

function shortfall(value: unknown): string[] {
  const s = record(value);
  const product = nameOf(s?.product);
  const missing = num(s?.missing);
  const adding = num(s?.adding);
  const before = num(s?.availableBefore);
  if (product === null || missing === null || missing <= 0 || adding === null || before === null) return [];
  const available = Math.max(0, before + (num(s?.removing) ?? 0));
  return [
    en["error.detail.NO_SEATS_LEFT.shortfall"]({
      product: escapeMrkdwn(product),
      missing,
      adding,
      available,
    }),
  ];
}

const STATUS_WORDS = {
  approved: en["request.status.approved"],
  denied: en["request.status.denied"],
  cancelled: en["request.status.cancelled"],
  expired: en["request.status.expired"],
} as const;

function statusWord(status: unknown): string {
  const known = typeof status === "string" && Object.hasOwn(STATUS_WORDS, status);
  return known ? STATUS_WORDS[status as keyof typeof STATUS_WORDS]() : en["request.status.decided"]();
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function nameOf(value: unknown): string | null {
  const name = record(value)?.name;
  return typeof name === "string" ? name : null;
}

/** Catalog errors and device names are text from files and people: escaped for mrkdwn. */
function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string").map((v) => escapeMrkdwn(v))
    : [];
}

/** Dates arrive as Date from the domain, or as ISO strings once they have been through JSON. */
function date(value: unknown): Date | null {
  const at = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  return at !== null && !Number.isNaN(at.getTime()) ? at : null;
}

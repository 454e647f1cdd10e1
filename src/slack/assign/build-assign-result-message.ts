import type { AssignProductOutcome, AssignProductResult } from "../../licensing/assign-product.ts";
import type { SeatUsage } from "../../licensing/seat-usage.ts";
import type { SkippedPlan } from "../../licensing/service-plans.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { failureText } from "../shared/build-error-message.ts";
import {
  context,
  type Message,
  message,
  packSections,
  section,
  shareBlocks,
} from "../shared/message-parts.ts";

/** One person's assign, with who it was for: a failure does not name the person. */
export interface AssignAttempt {
  /** With the person's id when a follow-up button must name them. */
  person: { name: string; id?: string };
  outcome: AssignProductOutcome;
}

export interface AssignResultInput {
  product: { name: string };
  attempts: readonly AssignAttempt[];
  /** The viewer's time zone, for dates in failures (a restore window that closed). */
  timeZone: string;
}

type Skipped = AssignProductResult["skipped"][number];

/** Why a service was skipped, one sentence per reason: a new reason does not compile without words. */
const SKIP_REASONS: Record<SkippedPlan["reason"], `assign.skipped.${string}` & keyof Catalog> = {
  UNAVAILABLE_IN_LOCATION: "assign.skipped.UNAVAILABLE_IN_LOCATION",
};

/** The summary sentence and the seats left. */
const FIXED_BLOCKS = 2;

/**
 * The outcome of assigning one product to one or several people: per person what was turned on,
 * what was skipped and why, whether kept data came back; per person that could not get it, why;
 * and the seats left afterwards ("6 of 10 available").
 */
export function buildAssignResultMessage(t: Catalog, input: AssignResultInput): Message {
  const product = escapeMrkdwn(input.product.name);
  const done = input.attempts.flatMap((a) => (a.outcome.ok ? [a.outcome] : []));
  const failed = input.attempts.flatMap((a) =>
    a.outcome.ok ? [] : [{ person: a.person, failure: a.outcome }],
  );

  const doneItems = done.map((x) => doneItem(t, x));
  const failedItems = failed.map(({ person, failure }) =>
    t["assign.person.failed"]({
      person: escapeMrkdwn(person.name),
      message: failureText(t, failure, { timeZone: input.timeZone }),
    }),
  );
  const perList = shareBlocks(FIXED_BLOCKS, doneItems.length > 0 && failedItems.length > 0 ? 2 : 1);
  const seats = seatsLeft(input.attempts);

  return message(t["assign.fallback"]({ product, assigned: done.length, failed: failed.length }), [
    section(summary(t, product, done, failed.length)),
    ...packSections(t, doneItems, perList),
    ...packSections(
      t,
      failedItems,
      perList,
      failedItems.length > 0 ? { heading: t["assign.failures.heading"]() } : {},
    ),
    ...(seats
      ? [
          context([
            t["assign.seats"]({
              product,
              seats: t["seats.available"]({ available: seats.available, purchased: seats.purchased }),
            }),
          ]),
        ]
      : []),
  ]);
}

function summary(t: Catalog, product: string, done: readonly AssignProductResult[], failed: number): string {
  const [only] = done;
  if (done.length === 0) return t["assign.summary.none"]({ product });
  if (failed > 0) return t["assign.summary.partial"]({ product, assigned: done.length, failed });
  if (done.length === 1 && only?.pendingInTenant)
    return t["tenant.pending.assign"]({ product, person: escapeMrkdwn(only.person.name) });
  if (done.length === 1 && only)
    return t["assign.summary.one"]({ product, person: escapeMrkdwn(only.person.name) });
  if (failed === 0 && done.every((d) => d.pendingInTenant))
    return t["tenant.pending.bulk"]({ count: done.length });
  return t["assign.summary.many"]({ product, assigned: done.length });
}

function doneItem(t: Catalog, result: AssignProductResult): string {
  const person = escapeMrkdwn(result.person.name);
  // Rule 13: nothing is turned on until the tenant has assigned it.
  if (result.pendingInTenant) return t["tenant.pending.person"]({ person });
  const lines = [
    result.enabled.length > 0
      ? t["assign.person.done"]({
          person,
          services: result.enabled.map((s) => escapeMrkdwn(s.name)).join(", "),
        })
      : t["assign.person.done_nothing"]({ person }),
  ];
  if (result.restored) lines.push(t["assign.person.restored"]());
  const groups = new Map<string, Skipped[]>();
  for (const s of result.skipped) {
    const key = `${s.reason}\u0000${s.location}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    if (!first) continue;
    lines.push(
      t[SKIP_REASONS[first.reason]]({
        services: group.map((s) => escapeMrkdwn(s.name)).join(", "),
        location: escapeMrkdwn(first.location),
      }),
    );
  }
  return lines.join("\n");
}

/**
 * The seats after all the attempts: each outcome saw the count at its own moment, and within one
 * run of assigns the fewest available is the latest.
 */
function seatsLeft(attempts: readonly AssignAttempt[]): SeatUsage | null {
  let least: SeatUsage | null = null;
  for (const { outcome } of attempts) {
    const seats = outcome.ok ? outcome.seats : outcome.code === "NO_SEATS_LEFT" ? outcome.seats : null;
    if (seats && (least === null || seats.available < least.available)) least = seats;
  }
  return least;
}

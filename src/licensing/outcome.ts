import type { Database, Tx } from "../db/client.ts";
import { postgresCode } from "../db/postgres-code.ts";
import type { FailureDetails } from "./failure-details.ts";

export { postgresCode };

/** Every business outcome a use case can refuse with; the Slack layer maps each to words. */
export type LicensingCode = keyof FailureDetails;

/**
 * A refusal: its code and that code's details, one shape per code. `Failure<"A" | "B">` is a
 * union discriminated by `code`, so a switch on it knows each member's details.
 */
export type Failure<C extends LicensingCode = LicensingCode> = C extends LicensingCode
  ? { ok: false; code: C } & FailureDetails[C]
  : never;

/** The codes whose details may all be left out. */
type CodeWithoutRequiredDetails = {
  [C in LicensingCode]: Record<never, never> extends FailureDetails[C] ? C : never;
}[LicensingCode];

export function fail<C extends CodeWithoutRequiredDetails>(code: C): Failure<C>;
export function fail<C extends LicensingCode>(code: C, details: FailureDetails[C]): Failure<C>;
export function fail(code: LicensingCode, details: object = {}) {
  return { ok: false, code, ...details };
}

/** Thrown inside a transaction to roll it back and hand a business outcome to the caller. */
class Abort<F extends Failure> extends Error {
  constructor(readonly failure: F) {
    super(`transaction aborted: ${failure.code}`);
  }
}

export function abort<F extends Failure>(failure: F): never {
  throw new Abort(failure);
}

const committed = new WeakSet<Failure>();

/**
 * A failure whose transaction commits all the same: a refusal that has written its own audit row
 * and nothing else, so the record of the attempt stays while nothing changes. Only for a refusal
 * decided before the transaction's first change.
 */
export function committedFailure<F extends Failure>(failure: F): F {
  committed.add(failure);
  return failure;
}

// The type lives with the database, which runs statements in it; use cases keep importing it from here.
export type { Tx };

/** Postgres gives up a transaction on a deadlock or serialization conflict; it is safe to run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 4;

/**
 * Runs `work` in one transaction. A Failure returned or raised with `abort` rolls back every
 * write, so a refused change leaves nothing behind. A deadlock or serialization failure runs the
 * whole transaction again, a bounded number of times; anything else thrown propagates.
 */
export async function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const result = await work(tx);
        if (isFailure(result) && !committed.has(result)) throw new Abort(result);
        return result;
      });
    } catch (error) {
      if (error instanceof Abort) return error.failure as T;
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(postgresCode(error) ?? "")) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from buttons and forms: a malformed one is simply unknown, never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

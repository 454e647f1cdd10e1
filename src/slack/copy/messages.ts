/**
 * The shape one area of a catalog has in every language: the same message ids taking the same
 * parameters, each returning a string (so a translation is not held to English's literal words).
 */
export type Messages<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : never;
};

/** `true` only when `T` has no key `U` lacks: with `satisfies`, it makes a catalog exact. */
export type NoExtraKeys<T, U> = [Exclude<keyof T, keyof U>] extends [never] ? true : false;

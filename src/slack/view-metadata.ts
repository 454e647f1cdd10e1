import type { z } from "zod";

/**
 * A view's private_metadata, checked against what the app put there. It comes back from Slack, and
 * a forged submission can carry anything: a value that does not match is a failed parse, never a throw.
 */
export function parseViewMetadata<T extends z.ZodType>(
  schema: T,
  raw: string,
): z.ZodSafeParseResult<z.infer<T>> {
  let value: unknown = null;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the schema refuses null below.
  }
  return schema.safeParse(value);
}

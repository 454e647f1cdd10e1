import type { z } from "zod";

/**
 * A view's private_metadata when it is what the app put there for the workspace the submission
 * comes from; undefined when it is not (malformed, or naming another workspace). It comes back from
 * Slack, and a forged submission can carry anything: such metadata is refused, never thrown on, and
 * nothing in it is used — not its ids, and never its response_url, which would send the app's reply
 * wherever the forger chose. The refusal reaches the user through the API only.
 */
export function viewMetadataFor<T extends z.ZodType<{ workspaceId: string }>>(
  schema: T,
  raw: string,
  workspaceId: string,
): z.infer<T> | undefined {
  let value: unknown = null;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the schema refuses null below.
  }
  const parsed = schema.safeParse(value);
  return parsed.success && parsed.data.workspaceId === workspaceId ? parsed.data : undefined;
}

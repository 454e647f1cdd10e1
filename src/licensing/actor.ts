import type { AuditSource } from "../db/schema/index.ts";

/** Who acts, through what, and under which request: written into every audit row. */
export interface Actor {
  /** A Slack user id, or "system" for jobs and imports. */
  userId: string;
  source: AuditSource;
  requestId?: string;
}

/** Never a Slack user id: Slack's are upper case letters and digits (U…, W…). */
const SYSTEM_USER_ID = "system";

export const systemActor = (source: AuditSource, requestId?: string): Actor => ({
  userId: SYSTEM_USER_ID,
  source,
  ...(requestId ? { requestId } : {}),
});

/**
 * Jobs, imports, directory events and join defaults act for the app itself, not for a person: they
 * do what the rules say is due, so rule 10 does not apply to them.
 */
export const isSystemActor = (actor: Actor): boolean => actor.userId === SYSTEM_USER_ID;

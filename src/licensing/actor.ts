import type { AuditSource } from "../db/schema/index.ts";

/** Who acts, through what, and under which request: written into every audit row. */
export interface Actor {
  /** A Slack user id, or "system" for jobs and imports. */
  userId: string;
  source: AuditSource;
  requestId?: string;
}

export const systemActor = (source: AuditSource, requestId?: string): Actor => ({
  userId: "system",
  source,
  ...(requestId ? { requestId } : {}),
});

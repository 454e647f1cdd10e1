import type { AuditCursor } from "../../licensing/audit/list-audit.ts";

/** What a "Next page" button carries: where the page ended, and whose record it is (if one person's). */
export interface AuditPageToken {
  after: AuditCursor;
  /** The Slack user whose record is paged; absent for the whole workspace's. */
  userId?: string;
}

const VERSION = "a1";
const TOKEN = /^a1\|(\d{1,15})\|(\d{1,15})\|([UW][A-Z0-9]{2,40})?$/;

export function encodeAuditPageToken(token: AuditPageToken): string {
  return [VERSION, token.after.at.getTime(), token.after.id, token.userId ?? ""].join("|");
}

/** The token in a button's value, or null for anything this app did not write. */
export function decodeAuditPageToken(value: unknown): AuditPageToken | null {
  if (typeof value !== "string") return null;
  const match = TOKEN.exec(value);
  if (!match) return null;
  const after = { at: new Date(Number(match[1])), id: Number(match[2]) };
  return match[3] ? { after, userId: match[3] } : { after };
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { dbTimestamp, queryRows } from "../../db/rows.ts";
import { uuidArray } from "../bulk/pairs.ts";
import { toDate } from "../home/limited.ts";
import { isUuid } from "../outcome.ts";

/** Who did it (a Slack user id; null for the app itself, or when the record no longer says) and when. */
export interface Done {
  by: string | null;
  at: Date;
}

/** A restore window as a reminder about it should show it now; "open" keeps its buttons. */
export type WindowState =
  | { kind: "open" }
  | ({ kind: "let_expire"; purgeAt: Date } & Done)
  | ({ kind: "restored" } & Done)
  | { kind: "purged"; at: Date };

/** A non-user mailbox as a lock warning about it should show it now; "over_quota" keeps its button. */
export type MailboxState =
  | { kind: "over_quota" }
  /** `at` is null only for a license the audit log does not show (none is given without one today). */
  | { kind: "licensed"; product: string; by: string | null; at: Date | null }
  | ({ kind: "under_quota" } & Done)
  | { kind: "locked"; at: Date };

/** A request as a reminder about it should show it now; "pending" keeps its buttons. */
export type RequestState =
  | { kind: "pending" }
  | ({ kind: "approved" | "denied" | "cancelled" | "expired" } & Done);

export interface SubjectStates {
  windows: Map<string, WindowState>;
  mailboxes: Map<string, MailboxState>;
  requests: Map<string, RequestState>;
}

const slackUser = (actor: string | null) => (actor && /^[UW][A-Z0-9]+$/.test(actor) ? actor : null);
const at = dbTimestamp.nullable();

const windowRow = z.object({
  id: z.string(),
  status: z.enum(["open", "restored", "purged"]),
  purgeAt: dbTimestamp,
  closedAt: at,
  restoredBy: z.string().nullable(),
  stoppedBy: z.string().nullable(),
  stoppedAt: at,
});

const mailboxRow = z.object({
  id: z.string(),
  product: z.string().nullable(),
  lockAt: at,
  lockedAt: at,
  licensedBy: z.string().nullable(),
  licensedAt: at,
  recordedBy: z.string().nullable(),
  recordedAt: at,
});

const requestRow = z.object({
  id: z.string(),
  status: z.enum(["pending", "approved", "denied", "cancelled", "expired"]),
  decidedBy: z.string().nullable(),
  decidedAt: at,
  requester: z.string(),
});

/**
 * What has become of the subjects of reminders (windows, mailboxes, requests) since they were
 * sent, with who did it and when, read from the rows and the audit log: what a reminder's buttons
 * may still do, and what the reminder should say instead once they may not.
 */
export async function loadSubjectStates(
  db: Database,
  input: { workspaceId: string; windowIds: string[]; mailboxIds: string[]; requestIds: string[] },
): Promise<SubjectStates> {
  const { workspaceId } = input;
  const ids = (list: string[]) => uuidArray([...new Set(list.filter(isUuid))]);
  const [windows, mailboxes, requests] = await Promise.all([
    queryRows(
      db,
      sql`select w.id, w.status, w.purge_at as "purgeAt", w.closed_at as "closedAt",
            -- Whoever's assign brought the data back: the writer stamps it with the window's closing.
            coalesce(
              (select a.assigned_by from assignments a
                where a.workspace_id = w.workspace_id and a.person_id = w.person_id and a.assigned_at = w.closed_at
                limit 1),
              (select l.actor from audit_log l
                where l.workspace_id = w.workspace_id and l.action = 'license.restored' and l.at = w.closed_at
                  and l.after->'person'->>'id' = w.person_id::text
                limit 1)) as "restoredBy",
            s.actor as "stoppedBy", s.at as "stoppedAt"
          from restore_windows w
          left join lateral (
            select l.actor, l.at from audit_log l
            where l.workspace_id = w.workspace_id and l.target_type = 'restore_window'
              and l.target_id = w.id::text and l.action = 'restore_window.reminders_stopped'
            order by l.at limit 1) s on true
          where w.workspace_id = ${workspaceId} and w.id = any(${ids(input.windowIds)})`,
      windowRow,
    ),
    queryRows(
      db,
      sql`select m.id, p.name as product, m.lock_at as "lockAt", m.locked_at as "lockedAt",
            lic.actor as "licensedBy", lic.at as "licensedAt", rec.actor as "recordedBy", rec.at as "recordedAt"
          from non_user_mailboxes m
          left join products p on p.id = m.licensed_product_id
          left join lateral (
            select l.actor, l.at from audit_log l
            where l.workspace_id = m.workspace_id and l.target_type = 'non_user_mailbox'
              and l.target_id = m.id::text and l.action = 'mailbox.licensed'
            order by l.at desc limit 1) lic on true
          left join lateral (
            select l.actor, l.at from audit_log l
            where l.workspace_id = m.workspace_id and l.target_type = 'non_user_mailbox'
              and l.target_id = m.id::text and l.action = 'mailbox.size_recorded'
            order by l.at desc limit 1) rec on true
          where m.workspace_id = ${workspaceId} and m.id = any(${ids(input.mailboxIds)})`,
      mailboxRow,
    ),
    queryRows(
      db,
      sql`select r.id, r.status, d.slack_user_id as "decidedBy", r.decided_at as "decidedAt",
            q.slack_user_id as requester
          from license_requests r
          join people q on q.id = r.requester_id
          left join people d on d.id = r.decided_by
          where r.workspace_id = ${workspaceId} and r.id = any(${ids(input.requestIds)})`,
      requestRow,
    ),
  ]);
  return {
    windows: new Map(windows.map((w) => [w.id, windowState(w)])),
    mailboxes: new Map(mailboxes.map((m) => [m.id, mailboxState(m)])),
    requests: new Map(requests.map((r) => [r.id, requestState(r)])),
  };
}

function windowState(w: z.infer<typeof windowRow>): WindowState {
  const closedAt = w.closedAt ? toDate(w.closedAt) : toDate(w.purgeAt);
  if (w.status === "restored") return { kind: "restored", by: slackUser(w.restoredBy), at: closedAt };
  if (w.status === "purged") return { kind: "purged", at: closedAt };
  if (w.stoppedAt)
    return {
      kind: "let_expire",
      by: slackUser(w.stoppedBy),
      at: toDate(w.stoppedAt),
      purgeAt: toDate(w.purgeAt),
    };
  return { kind: "open" };
}

function mailboxState(m: z.infer<typeof mailboxRow>): MailboxState {
  if (m.product !== null)
    return {
      kind: "licensed",
      product: m.product,
      by: slackUser(m.licensedBy),
      at: m.licensedAt ? toDate(m.licensedAt) : null,
    };
  if (m.lockedAt) return { kind: "locked", at: toDate(m.lockedAt) };
  if (m.lockAt === null && m.recordedAt)
    return { kind: "under_quota", by: slackUser(m.recordedBy), at: toDate(m.recordedAt) };
  return { kind: "over_quota" };
}

function requestState(r: z.infer<typeof requestRow>): RequestState {
  if (r.status === "pending" || !r.decidedAt) return { kind: "pending" };
  // A withdrawal is the requester's own; an expiry is the app's.
  const by = r.status === "cancelled" ? r.requester : r.status === "expired" ? null : r.decidedBy;
  return { kind: r.status, by: slackUser(by), at: toDate(r.decidedAt) };
}

import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  licenseRequests,
  nonUserMailboxes,
  people,
  products,
  restoreWindows,
} from "../../db/schema/index.ts";
import { isUuid } from "../outcome.ts";

/** One request or restore window an audit row points at: whose, and of which product. */
export interface PersonProductRef {
  personId: string;
  productId: string;
  requesterId?: string;
}

/**
 * The names an audit page speaks of, looked up as they are now: many rows carry only ids (a
 * request, a window, a device), and a sentence says "Bo Berg", not an id. A name that is gone
 * (a product deleted, a workspace purged) is simply absent, and the sentence says less.
 */
export interface AuditNames {
  people: Record<string, string>;
  products: Record<string, { key: string; name: string }>;
  requests: Record<string, PersonProductRef>;
  windows: Record<string, PersonProductRef>;
  mailboxes: Record<string, string>;
}

interface Row {
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** Ids a row names, by kind: its target, and the person and product ids its before/after carry. */
function idsOf(rows: readonly Row[], targetType: string): string[] {
  return [...new Set(rows.filter((r) => r.targetType === targetType).map((r) => r.targetId))].filter(isUuid);
}

export async function loadAuditNames(
  db: Database,
  workspaceId: string,
  rows: readonly Row[],
): Promise<AuditNames> {
  const requestIds = idsOf(rows, "license_request");
  const windowIds = idsOf(rows, "restore_window");
  const mailboxIds = idsOf(rows, "non_user_mailbox");
  const [requests, windows, mailboxes, catalog] = await Promise.all([
    requestIds.length === 0
      ? []
      : db
          .select({
            id: licenseRequests.id,
            personId: licenseRequests.personId,
            requesterId: licenseRequests.requesterId,
            productId: licenseRequests.productId,
          })
          .from(licenseRequests)
          .where(and(eq(licenseRequests.workspaceId, workspaceId), inArray(licenseRequests.id, requestIds))),
    windowIds.length === 0
      ? []
      : db
          .select({
            id: restoreWindows.id,
            personId: restoreWindows.personId,
            productId: restoreWindows.productId,
          })
          .from(restoreWindows)
          .where(and(eq(restoreWindows.workspaceId, workspaceId), inArray(restoreWindows.id, windowIds))),
    mailboxIds.length === 0
      ? []
      : db
          .select({ id: nonUserMailboxes.id, address: nonUserMailboxes.address })
          .from(nonUserMailboxes)
          .where(
            and(eq(nonUserMailboxes.workspaceId, workspaceId), inArray(nonUserMailboxes.id, mailboxIds)),
          ),
    db
      .select({ id: products.id, key: products.key, name: products.name })
      .from(products)
      .where(eq(products.workspaceId, workspaceId)),
  ]);
  const personIds = new Set<string>(idsOf(rows, "person"));
  for (const row of rows) {
    for (const side of [record(row.before), record(row.after)]) {
      if (typeof side.personId === "string") personIds.add(side.personId);
    }
    // A mailbox size of a person's mailbox is recorded as "person/service".
    if (row.targetType === "service_data") personIds.add(row.targetId.split("/")[0] ?? "");
  }
  for (const r of [...requests, ...windows]) personIds.add(r.personId);
  for (const r of requests) personIds.add(r.requesterId);
  const wanted = [...personIds].filter(isUuid);
  const named =
    wanted.length === 0
      ? []
      : await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.workspaceId, workspaceId), inArray(people.id, wanted)));
  return {
    people: Object.fromEntries(named.map((p) => [p.id, p.name])),
    products: Object.fromEntries(catalog.map((p) => [p.id, { key: p.key, name: p.name }])),
    requests: Object.fromEntries(requests.map(({ id, ...ref }) => [id, ref])),
    windows: Object.fromEntries(windows.map(({ id, ...ref }) => [id, ref])),
    mailboxes: Object.fromEntries(mailboxes.map((m) => [m.id, m.address])),
  };
}

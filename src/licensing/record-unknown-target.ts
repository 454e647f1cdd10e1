import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import {
  licenseRequests,
  nonUserMailboxes,
  people,
  products,
  restoreWindows,
  viewDrafts,
} from "../db/schema/index.ts";
import type { Actor } from "./actor.ts";
import type { Clock } from "./clock.ts";
import { isUuid } from "./outcome.ts";
import { recordRefusal } from "./record-refusal.ts";
import { cutToUnits, wellFormed } from "./text.ts";

/** What a button's value or a view names by id; `slack_user` is a person by their Slack user id. */
export type TargetType =
  | "license_request"
  | "restore_window"
  | "non_user_mailbox"
  | "person"
  | "product"
  | "slack_user"
  | "view";

export interface Target {
  type: TargetType;
  id: string;
}

type Exists = (db: Database, workspaceId: string, id: string) => Promise<boolean>;

const found = (rows: unknown[]) => rows.length > 0;

/** Whether the id names something of this workspace; each check reads this workspace only. */
const exists: Record<TargetType, Exists> = {
  license_request: async (db, workspaceId, id) =>
    isUuid(id) &&
    found(
      await db
        .select({ id: licenseRequests.id })
        .from(licenseRequests)
        .where(and(eq(licenseRequests.workspaceId, workspaceId), eq(licenseRequests.id, id))),
    ),
  restore_window: async (db, workspaceId, id) =>
    isUuid(id) &&
    found(
      await db
        .select({ id: restoreWindows.id })
        .from(restoreWindows)
        .where(and(eq(restoreWindows.workspaceId, workspaceId), eq(restoreWindows.id, id))),
    ),
  non_user_mailbox: async (db, workspaceId, id) =>
    isUuid(id) &&
    found(
      await db
        .select({ id: nonUserMailboxes.id })
        .from(nonUserMailboxes)
        .where(and(eq(nonUserMailboxes.workspaceId, workspaceId), eq(nonUserMailboxes.id, id))),
    ),
  person: async (db, workspaceId, id) =>
    isUuid(id) &&
    found(
      await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.workspaceId, workspaceId), eq(people.id, id))),
    ),
  product: async (db, workspaceId, id) =>
    isUuid(id) &&
    found(
      await db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id))),
    ),
  slack_user: async (db, workspaceId, id) =>
    found(
      await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.workspaceId, workspaceId), eq(people.slackUserId, id))),
    ),
  view: async (db, workspaceId, id) =>
    found(
      await db
        .select({ viewId: viewDrafts.viewId })
        .from(viewDrafts)
        .where(and(eq(viewDrafts.workspaceId, workspaceId), eq(viewDrafts.viewId, id))),
    ),
};

/**
 * An id from a payload that names nothing in the acting user's workspace (another workspace's, or
 * made up) is a refused attempt on the record of the workspace the user acts in, never of the one
 * the id may belong to. One row for the first unknown target; true when one was recorded.
 */
export async function recordUnknownTarget(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor; attempted: string; targets: Target[] },
): Promise<boolean> {
  for (const target of input.targets) {
    if (await exists[target.type](db, input.workspaceId, target.id)) continue;
    await recordRefusal(db, clock, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: input.attempted,
      targetType: target.type,
      // The id as given, bounded: a forged value may be long.
      targetId: cutToUnits(wellFormed(target.id), 100),
      reason: "UNKNOWN_TARGET",
    });
    return true;
  }
  return false;
}

import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { products } from "./products.ts";
import { workspaces } from "./workspaces.ts";

export const nonUserMailboxKind = pgEnum("non_user_mailbox_kind", ["resource", "room", "shared"]);
export type NonUserMailboxKind = (typeof nonUserMailboxKind.enumValues)[number];

/** Resource, room and shared mailboxes: no license needed while under quota. */
export const nonUserMailboxes = pgTable(
  "non_user_mailboxes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    kind: nonUserMailboxKind("kind").notNull(),
    sizeMb: integer("size_mb").notNull().default(0),
    /** Null means the workspace's quota. */
    quotaMb: integer("quota_mb"),
    overQuotaSince: timestamp("over_quota_since", { withTimezone: true }),
    lockAt: timestamp("lock_at", { withTimezone: true }),
    /** The product whose seat licenses this mailbox; null while it runs unlicensed. */
    licensedProductId: uuid("licensed_product_id").references(() => products.id),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("non_user_mailboxes_workspace_address_uq").on(t.workspaceId, t.address),
    index("non_user_mailboxes_lock_at_idx")
      .on(t.lockAt)
      .where(sql`${t.lockAt} IS NOT NULL AND ${t.lockedAt} IS NULL`),
    check("non_user_mailboxes_size_non_negative", sql`${t.sizeMb} >= 0`),
  ],
);

export type NonUserMailbox = typeof nonUserMailboxes.$inferSelect;

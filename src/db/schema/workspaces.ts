import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One Slack workspace (team) or Enterprise Grid org; every other row belongs to exactly one. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    defaultUsageLocation: text("default_usage_location"),
    restoreWindowDays: integer("restore_window_days").notNull().default(30),
    nonUserMailboxQuotaMb: integer("non_user_mailbox_quota_mb").notNull().default(10_240),
    requestExpiryDays: integer("request_expiry_days").notNull().default(30),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** False once the app is uninstalled or its tokens revoked: nothing is sent there any more. */
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** When the directory was last read from Slack in full. */
    directorySyncedAt: timestamp("directory_synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workspaces_restore_window_days_positive", sql`${t.restoreWindowDays} > 0`),
    check("workspaces_mailbox_quota_positive", sql`${t.nonUserMailboxQuotaMb} > 0`),
    check("workspaces_request_expiry_days_positive", sql`${t.requestExpiryDays} > 0`),
  ],
);

export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;

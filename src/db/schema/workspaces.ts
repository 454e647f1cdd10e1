import { sql } from "drizzle-orm";
import { boolean, check, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Where a workspace's requests and admin notices go, once an admin has chosen (rule 10). */
export const approvalsRoute = pgEnum("approvals_route", ["channel", "direct_messages"]);

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
    /** What channel posts use, and people read who chose no language and whose locale has none. */
    defaultLanguage: text("default_language").notNull().default("en"),
    /** Null until an admin chooses; the process's APPROVALS_CHANNEL (or DMs) applies meanwhile. */
    approvalsRoute: approvalsRoute("approvals_route"),
    /** The channel requests go to, when approvals_route is "channel". */
    approvalsChannelId: text("approvals_channel_id"),
    /** False once the app is uninstalled or its tokens revoked: nothing is sent there any more. */
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Local time (HH:MM, in time_zone) at which the daily jobs run. */
    dailyJobsAt: text("daily_jobs_at").notNull().default("09:00"),
    /** Days before a restore window ends on which admins are reminded. */
    restoreReminderDays: integer("restore_reminder_days")
      .array()
      .notNull()
      .default(sql`'{7,3,1}'::integer[]`),
    /** Days before a non-user mailbox locks on which admins are warned. */
    mailboxWarningDays: integer("mailbox_warning_days").array().notNull().default(sql`'{7,1}'::integer[]`),
    /** A request pending this many days is brought to the approvers again. */
    requestReminderAfterDays: integer("request_reminder_after_days").notNull().default(2),
    /** Rule 12: people are told by DM what they got or lost; admins can turn it off. */
    personalNotices: boolean("personal_notices").notNull().default(true),
    /** Slack asked us to wait (429 Retry-After): the outbox sends nothing here before then. */
    outboxPausedUntil: timestamp("outbox_paused_until", { withTimezone: true }),
    /** When the directory was last read from Slack in full. */
    directorySyncedAt: timestamp("directory_synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workspaces_restore_window_days_positive", sql`${t.restoreWindowDays} > 0`),
    check("workspaces_mailbox_quota_positive", sql`${t.nonUserMailboxQuotaMb} > 0`),
    check("workspaces_request_expiry_days_positive", sql`${t.requestExpiryDays} > 0`),
    check(
      "workspaces_approvals_channel_with_route",
      sql`(${t.approvalsRoute} = 'channel') = (${t.approvalsChannelId} is not null)`,
    ),
    check("workspaces_default_language_known", sql`${t.defaultLanguage} in ('en', 'sv')`),
    check("workspaces_daily_jobs_at_hh_mm", sql`${t.dailyJobsAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;

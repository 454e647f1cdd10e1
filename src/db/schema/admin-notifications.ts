import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

export const adminNotificationKind = pgEnum("admin_notification_kind", [
  "defaults_not_assigned",
  "offboarded_data_at_risk",
]);
export type AdminNotificationKind = (typeof adminNotificationKind.enumValues)[number];

/**
 * Something admins must be told, recorded by the domain in the transaction that learned it; the
 * Slack layer delivers it and marks it delivered.
 */
export const adminNotifications = pgTable(
  "admin_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: adminNotificationKind("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("admin_notifications_undelivered_idx")
      .on(t.workspaceId, t.createdAt)
      .where(sql`${t.deliveredAt} IS NULL`),
  ],
);

export type AdminNotification = typeof adminNotifications.$inferSelect;

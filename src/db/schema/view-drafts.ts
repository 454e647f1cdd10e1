import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What a multi-step modal carries from one step to the next when it outgrows private_metadata's
 * 3,000 characters (a bulk change over a thousand people), keyed by the Slack view it belongs to.
 */
export const viewDrafts = pgTable("view_drafts", {
  viewId: text("view_id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  userId: text("user_id").notNull(),
  payload: jsonb("payload").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

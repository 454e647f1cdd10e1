import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every Slack delivery whose effect has been applied, by a key Slack repeats on redelivery (a
 * command's trigger id, a view submission's view id and hash, an action's fingerprint, an event
 * id). Kept in the database, not in memory, so that instances behind a load balancer agree.
 */
export const slackDeliveries = pgTable(
  "slack_deliveries",
  {
    workspaceId: text("workspace_id").notNull(),
    key: text("key").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "slack_deliveries_pk", columns: [t.workspaceId, t.key] })],
);

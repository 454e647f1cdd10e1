import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { licenseRequests } from "./requests.ts";
import { workspaces } from "./workspaces.ts";

/**
 * Every copy of a request's message posted to approvers (the approvals channel, or each admin's
 * DM), so that a decision can update them all.
 */
export const requestMessages = pgTable(
  "request_messages",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => licenseRequests.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    channelId: text("channel_id").notNull(),
    messageTs: text("message_ts").notNull(),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull(),
    /** The language the copy is written in, as its reader read at posting; every update keeps it. */
    language: text("language").notNull().default("en"),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.channelId] })],
);

export type RequestMessage = typeof requestMessages.$inferSelect;

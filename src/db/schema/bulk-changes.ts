import { jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/**
 * One row per applied bulk change, keyed by the caller's idempotency key: a double-submitted
 * modal finds the first result here instead of applying twice.
 */
export const bulkChanges = pgTable(
  "bulk_changes",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Digest of the request, so the same key with other content is refused. */
    contentHash: text("content_hash").notNull(),
    result: jsonb("result").notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull(),
    appliedBy: text("applied_by").notNull(),
  },
  (t) => [primaryKey({ name: "bulk_changes_pk", columns: [t.workspaceId, t.idempotencyKey] })],
);

export type BulkChange = typeof bulkChanges.$inferSelect;

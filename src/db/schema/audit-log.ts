import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const auditSource = pgEnum("audit_source", [
  "command",
  "button",
  "modal",
  "job",
  "event",
  "cli",
  "system",
  /** Picked up from the tenant: changed in Microsoft 365, not through License Desk (rule 13). */
  "tenant",
]);
export type AuditSource = (typeof auditSource.enumValues)[number];

/**
 * Append-only record of every change. A trigger (see the migrations) refuses UPDATE, DELETE and
 * TRUNCATE. No foreign key on the workspace: the record outlives what it describes.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text("workspace_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    source: auditSource("source").notNull(),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_workspace_at_idx").on(t.workspaceId, t.at),
    index("audit_log_workspace_target_idx").on(t.workspaceId, t.targetType, t.targetId),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";
import { workspaces } from "./workspaces.ts";

export const requestStatus = pgEnum("request_status", [
  "pending",
  "approved",
  "denied",
  "cancelled",
  "expired",
]);
export type RequestStatus = (typeof requestStatus.enumValues)[number];

/** A non-admin's ask for a license, for themselves or someone else. */
export const licenseRequests = pgTable(
  "license_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    status: requestStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => people.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("license_requests_workspace_status_idx").on(t.workspaceId, t.status),
    uniqueIndex("license_requests_one_pending_uq")
      .on(t.personId, t.productId)
      .where(sql`${t.status} = 'pending'`),
    index("license_requests_pending_expires_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);

export type LicenseRequest = typeof licenseRequests.$inferSelect;

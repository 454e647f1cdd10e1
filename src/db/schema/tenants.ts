import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";
import { workspaces } from "./workspaces.ts";

/**
 * The tenant that holds a workspace's licenses (rule 13), and what the last sync with it found.
 * Without a row, License Desk is the record. Credentials entered from App Home are stored
 * encrypted, like the Slack tokens; with the M365_* settings they stay in the settings.
 */
export const tenantConnections = pgTable("tenant_connections", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  kind: text("kind").notNull().default("microsoft365"),
  /** The directory (tenant) id, or one of its verified domains. */
  tenantId: text("tenant_id").notNull(),
  clientId: text("client_id"),
  /** The app's client secret, encrypted; null when the process's settings sign in. */
  clientSecretEncrypted: text("client_secret_encrypted"),
  connectedBy: text("connected_by").notNull(),
  connectedAt: timestamp("connected_at", { withTimezone: true }).notNull(),
  /** Graph's users/delta link of the last sync: where the next one starts. */
  deltaCursor: text("delta_cursor"),
  lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
  /** Why the last sync failed, in the tenant's words; null when it worked. */
  lastSyncError: text("last_sync_error"),
  /** What the last sync found: counts, unmatched people on either side, permissions. */
  lastSyncSummary: jsonb("last_sync_summary"),
});

export type TenantConnection = typeof tenantConnections.$inferSelect;

export const tenantOperationAction = pgEnum("tenant_operation_action", ["add", "remove"]);
export const tenantOperationStatus = pgEnum("tenant_operation_status", ["pending", "applied", "refused"]);

/**
 * A license change waiting to be made in the tenant, or made there (rule 13). Written in the
 * transaction that decided it, so no change is lost between the database and the tenant; made
 * there by the operations relay, which writes License Desk's record only once the tenant has
 * applied it. A pending addition holds its seat; a refused one gives it back.
 */
export const tenantOperations = pgTable(
  "tenant_operations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    personId: uuid("person_id").notNull(),
    productId: uuid("product_id").notNull(),
    action: tenantOperationAction("action").notNull(),
    status: tenantOperationStatus("status").notNull().default("pending"),
    /**
     * What the license writer needs to record the change once applied: who decided it, the
     * audit rows, the removal's window id. The same for every operation of one decision.
     */
    decision: jsonb("decision").notNull(),
    /** Operations decided together (a bulk change): the admin hears of them together. */
    decisionId: uuid("decision_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not tried again before then (the tenant asked to wait, or it could not be reached). */
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    /** A relay is applying it until then; after, another may take it (the first one died). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** The tenant's reason, as a code, when it refused; and its own words. */
    refusal: text("refusal"),
    refusalMessage: text("refusal_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    // One pending change per license: a second assign of the same license while the first waits is refused.
    uniqueIndex("tenant_operations_pending_uq")
      .on(t.personId, t.productId)
      .where(sql`${t.status} = 'pending'`),
    index("tenant_operations_due_idx").on(t.notBefore).where(sql`${t.status} = 'pending'`),
    index("tenant_operations_decision_idx").on(t.decisionId),
    foreignKey({
      name: "tenant_operations_person_fk",
      columns: [t.workspaceId, t.personId],
      foreignColumns: [people.workspaceId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "tenant_operations_product_fk",
      columns: [t.workspaceId, t.productId],
      foreignColumns: [products.workspaceId, products.id],
    }).onDelete("cascade"),
    check(
      "tenant_operations_refusal_when_refused",
      sql`(${t.status} = 'refused') = (${t.refusal} is not null)`,
    ),
  ],
);

export type TenantOperation = typeof tenantOperations.$inferSelect;

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/** A subscription that can be licensed, with its seat counter. */
export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    purchasedSeats: integer("purchased_seats").notNull(),
    /**
     * Kept equal to the number of assignment rows, plus `outside_seats`, by every write in the same
     * transaction; the CHECK makes oversubscription impossible whatever the concurrency.
     */
    assignedSeats: integer("assigned_seats").notNull().default(0),
    /**
     * Seats the tenant has given to people License Desk does not know (tenant users matched to no
     * Slack member), counted inside `assigned_seats`: every seat check and every "6 of 10
     * available" sees them, so available is the tenant's enabled − consumed. Set by the tenant
     * sync; 0 without a tenant.
     */
    outsideSeats: integer("outside_seats").notNull().default(0),
    isDefault: boolean("is_default").notNull().default(false),
    lowSeatThreshold: integer("low_seat_threshold").notNull().default(1),
    /** The tenant's id for the product (Graph skuId) when the tenant holds it: changes to it are made there (rule 13). */
    tenantProductId: text("tenant_product_id"),
    /** The tenant no longer has it: kept with its history, offered to nobody. */
    goneAt: timestamp("gone_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_workspace_key_uq").on(t.workspaceId, t.key),
    uniqueIndex("products_workspace_id_uq").on(t.workspaceId, t.id),
    uniqueIndex("products_workspace_tenant_product_uq").on(t.workspaceId, t.tenantProductId),
    check("products_purchased_non_negative", sql`${t.purchasedSeats} >= 0`),
    check(
      "products_assigned_within_purchased",
      sql`${t.assignedSeats} >= 0 AND ${t.assignedSeats} <= ${t.purchasedSeats}`,
    ),
    check(
      "products_outside_within_assigned",
      sql`${t.outsideSeats} >= 0 AND ${t.outsideSeats} <= ${t.assignedSeats}`,
    ),
  ],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

export const servicePlanKind = pgEnum("service_plan_kind", [
  "mailbox",
  "team_site",
  "meetings",
  "office_apps",
]);
export type ServicePlanKind = (typeof servicePlanKind.enumValues)[number];

/**
 * What a license turns on, identified across products within a workspace: the same Exchange
 * Online mailbox service comes with several products (in Microsoft 365, the service plan id many
 * SKUs share). The catalog names it by key. Its data belongs to the person and the service.
 */
export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    kind: servicePlanKind("kind").notNull(),
    /** What the person keeps or loses, in words for the data-loss warning. */
    dataDescription: text("data_description").notNull(),
    /** SharePoint documents outlive the license; a mailbox does not. */
    dataSurvivesRemoval: boolean("data_survives_removal").notNull().default(false),
    /** ISO 3166-1 alpha-2 codes where this service cannot be turned on. */
    unavailableLocations: text("unavailable_locations").array().notNull().default(sql`'{}'::text[]`),
    /** Devices a person may install on (Office desktop apps); null when not installable. */
    installLimit: integer("install_limit"),
  },
  (t) => [
    uniqueIndex("services_workspace_key_uq").on(t.workspaceId, t.key),
    uniqueIndex("services_workspace_id_uq").on(t.workspaceId, t.id),
    check("services_install_limit_positive", sql`${t.installLimit} IS NULL OR ${t.installLimit} > 0`),
  ],
);

export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;

/** The services a product carries; a service may come with many products. */
export const productServices = pgTable(
  "product_services",
  {
    workspaceId: text("workspace_id").notNull(),
    productId: uuid("product_id").notNull(),
    serviceId: uuid("service_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "product_services_pk", columns: [t.productId, t.serviceId] }),
    // Which products still carry a service: what decides whether a removal loses its data.
    index("product_services_service_idx").on(t.serviceId),
    // One check per parent, naming the workspace too (see assignments.ts).
    foreignKey({
      name: "product_services_product_fk",
      columns: [t.workspaceId, t.productId],
      foreignColumns: [products.workspaceId, products.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "product_services_service_fk",
      columns: [t.workspaceId, t.serviceId],
      foreignColumns: [services.workspaceId, services.id],
    }).onDelete("cascade"),
  ],
);

export type ProductService = typeof productServices.$inferSelect;

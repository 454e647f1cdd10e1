import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
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
     * Kept equal to the number of assignment rows by every write in the same transaction;
     * the CHECK makes oversubscription impossible whatever the concurrency.
     */
    assignedSeats: integer("assigned_seats").notNull().default(0),
    isDefault: boolean("is_default").notNull().default(false),
    lowSeatThreshold: integer("low_seat_threshold").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_workspace_key_uq").on(t.workspaceId, t.key),
    uniqueIndex("products_workspace_id_uq").on(t.workspaceId, t.id),
    check("products_purchased_non_negative", sql`${t.purchasedSeats} >= 0`),
    check(
      "products_assigned_within_purchased",
      sql`${t.assignedSeats} >= 0 AND ${t.assignedSeats} <= ${t.purchasedSeats}`,
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

/** A service inside a product: what a license turns on and what data it owns. */
export const servicePlans = pgTable(
  "service_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
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
    uniqueIndex("service_plans_product_key_uq").on(t.productId, t.key),
    uniqueIndex("service_plans_workspace_id_uq").on(t.workspaceId, t.id),
    index("service_plans_workspace_idx").on(t.workspaceId),
    check("service_plans_install_limit_positive", sql`${t.installLimit} IS NULL OR ${t.installLimit} > 0`),
  ],
);

export type ServicePlan = typeof servicePlans.$inferSelect;
export type NewServicePlan = typeof servicePlans.$inferInsert;

import { foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";

/*
 * Child rows name their workspace together with each parent in one composite foreign key: a row
 * can never point at another workspace's person or product, and each insert makes one check per
 * parent instead of two (which is most of a bulk change's cost).
 */
/** A seat held: one row per person and product while the license is assigned; removal deletes it. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id").notNull(),
    personId: uuid("person_id").notNull(),
    productId: uuid("product_id").notNull(),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
    assignedBy: text("assigned_by").notNull(),
    /** The tenant group the license comes from: not removable from the person here, only from the group. */
    fromGroupId: text("from_group_id"),
    fromGroupName: text("from_group_name"),
  },
  (t) => [
    uniqueIndex("assignments_person_product_uq").on(t.personId, t.productId),
    index("assignments_product_idx").on(t.productId),
    // A workspace's rows without reading the others': what a bulk change holds and removes.
    index("assignments_workspace_person_idx").on(t.workspaceId, t.personId),
    foreignKey({
      name: "assignments_person_fk",
      columns: [t.workspaceId, t.personId],
      foreignColumns: [people.workspaceId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "assignments_product_fk",
      columns: [t.workspaceId, t.productId],
      foreignColumns: [products.workspaceId, products.id],
    }).onDelete("cascade"),
  ],
);

export type Assignment = typeof assignments.$inferSelect;

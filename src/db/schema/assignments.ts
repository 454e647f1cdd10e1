import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";
import { workspaces } from "./workspaces.ts";

/** A seat held: one row per person and product while the license is assigned; removal deletes it. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
    assignedBy: text("assigned_by").notNull(),
  },
  (t) => [
    uniqueIndex("assignments_person_product_uq").on(t.personId, t.productId),
    index("assignments_product_idx").on(t.productId),
  ],
);

export type Assignment = typeof assignments.$inferSelect;

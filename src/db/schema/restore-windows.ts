import { sql } from "drizzle-orm";
import { foreignKey, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";

export const restoreWindowStatus = pgEnum("restore_window_status", ["open", "restored", "purged"]);
export type RestoreWindowStatus = (typeof restoreWindowStatus.enumValues)[number];

/**
 * After a removal, the data the person really lost (services no product they keep still carries)
 * is kept until purge_at, then deleted for good. The window names the product whose removal opened
 * it; assigning any product that carries one of its services brings that service's data back, and
 * a window whose data has all come back is closed as restored.
 */
export const restoreWindows = pgTable(
  "restore_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id").notNull(),
    personId: uuid("person_id").notNull(),
    productId: uuid("product_id").notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull(),
    removedBy: text("removed_by").notNull(),
    purgeAt: timestamp("purge_at", { withTimezone: true }).notNull(),
    status: restoreWindowStatus("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    // A person's open windows: what an assign looks for data to bring back.
    index("restore_windows_open_person_idx").on(t.personId).where(sql`${t.status} = 'open'`),
    index("restore_windows_open_purge_at_idx").on(t.workspaceId, t.purgeAt).where(sql`${t.status} = 'open'`),
    // One check per parent, naming the workspace too (see assignments.ts).
    foreignKey({
      name: "restore_windows_person_fk",
      columns: [t.workspaceId, t.personId],
      foreignColumns: [people.workspaceId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "restore_windows_product_fk",
      columns: [t.workspaceId, t.productId],
      foreignColumns: [products.workspaceId, products.id],
    }).onDelete("cascade"),
  ],
);

export type RestoreWindow = typeof restoreWindows.$inferSelect;

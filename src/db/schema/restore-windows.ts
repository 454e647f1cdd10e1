import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { products } from "./products.ts";
import { workspaces } from "./workspaces.ts";

export const restoreWindowStatus = pgEnum("restore_window_status", ["open", "restored", "purged"]);
export type RestoreWindowStatus = (typeof restoreWindowStatus.enumValues)[number];

/** After a removal, the person's data for that product is kept until purge_at, then deleted for good. */
export const restoreWindows = pgTable(
  "restore_windows",
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
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull(),
    removedBy: text("removed_by").notNull(),
    purgeAt: timestamp("purge_at", { withTimezone: true }).notNull(),
    status: restoreWindowStatus("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("restore_windows_one_open_uq").on(t.personId, t.productId).where(sql`${t.status} = 'open'`),
    index("restore_windows_open_purge_at_idx").on(t.purgeAt).where(sql`${t.status} = 'open'`),
  ],
);

export type RestoreWindow = typeof restoreWindows.$inferSelect;

import { sql } from "drizzle-orm";
import {
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
import { people } from "./people.ts";
import { services } from "./products.ts";
import { restoreWindows } from "./restore-windows.ts";
import { workspaces } from "./workspaces.ts";

/**
 * active: the service is on. retained: the license was removed and the data waits in a restore
 * window. kept: the license was removed but this data outlives removal (SharePoint documents).
 */
export const serviceDataStatus = pgEnum("service_data_status", ["active", "retained", "kept"]);
export type ServiceDataStatus = (typeof serviceDataStatus.enumValues)[number];

/**
 * What a service keeps for a person: a mailbox, team-site rights, meetings, Office installs. Keyed
 * by person and service, not by the product that turned it on: two products that carry the same
 * service share one mailbox, which goes only when the person holds neither.
 */
export const serviceData = pgTable(
  "service_data",
  {
    workspaceId: text("workspace_id").notNull(),
    personId: uuid("person_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    status: serviceDataStatus("status").notNull().default("active"),
    restoreWindowId: uuid("restore_window_id").references(() => restoreWindows.id),
    /** Mailboxes only. */
    mailboxSizeMb: integer("mailbox_size_mb"),
    provisionedAt: timestamp("provisioned_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // The natural key, with no surrogate id: one index fewer to write for every provisioned service.
    primaryKey({ name: "service_data_pk", columns: [t.personId, t.serviceId] }),
    index("service_data_restore_window_idx")
      .on(t.restoreWindowId)
      .where(sql`${t.restoreWindowId} IS NOT NULL`),
    check(
      "service_data_retained_has_window",
      sql`(${t.status} = 'retained') = (${t.restoreWindowId} IS NOT NULL)`,
    ),
    check(
      "service_data_mailbox_size_non_negative",
      sql`${t.mailboxSizeMb} IS NULL OR ${t.mailboxSizeMb} >= 0`,
    ),
    // One check per parent, naming the workspace too (see assignments.ts).
    foreignKey({
      name: "service_data_person_fk",
      columns: [t.workspaceId, t.personId],
      foreignColumns: [people.workspaceId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "service_data_service_fk",
      columns: [t.workspaceId, t.serviceId],
      foreignColumns: [services.workspaceId, services.id],
    }).onDelete("cascade"),
  ],
);

export type ServiceData = typeof serviceData.$inferSelect;

/** One Mac or PC a person installed Office on; limited per service. */
export const deviceInstalls = pgTable(
  "device_installs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    deviceName: text("device_name").notNull(),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("device_installs_service_device_uq").on(t.personId, t.serviceId, t.deviceName),
    // Installs go with the service data they belong to, when a purge deletes it.
    foreignKey({
      name: "device_installs_service_data_fk",
      columns: [t.personId, t.serviceId],
      foreignColumns: [serviceData.personId, serviceData.serviceId],
    }).onDelete("cascade"),
  ],
);

export type DeviceInstall = typeof deviceInstalls.$inferSelect;

import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/** A member of the workspace directory. */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    slackUserId: text("slack_user_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    timeZone: text("time_zone"),
    /** ISO 3166-1 alpha-2; decides which service plans can be turned on. */
    usageLocation: text("usage_location"),
    /** The tenant user this member is (matched by email): where their licenses really live (rule 13). */
    tenantPersonId: text("tenant_person_id"),
    active: boolean("active").notNull().default(true),
    /** The language the person chose to read (`/license language`); null reads their Slack locale. */
    language: text("language"),
    /** Slack's locale for the person (users.info with include_locale), e.g. sv-SE; null until read. */
    slackLocale: text("slack_locale"),
    /** Workspace admin or owner, as Slack reports it. */
    isSlackAdmin: boolean("is_slack_admin").notNull().default(false),
    /** Administers licenses because another admin said so. */
    isGrantedAdmin: boolean("is_granted_admin").notNull().default(false),
    adminGrantedBy: text("admin_granted_by"),
    /** Set once the join was handled (defaults assigned or admins told), so a repeated join does nothing. */
    onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("people_language_known", sql`${t.language} in ('en', 'sv')`),
    uniqueIndex("people_workspace_slack_user_uq").on(t.workspaceId, t.slackUserId),
    uniqueIndex("people_workspace_id_uq").on(t.workspaceId, t.id),
    index("people_workspace_email_idx").on(t.workspaceId, t.email),
    uniqueIndex("people_workspace_tenant_person_uq").on(t.workspaceId, t.tenantPersonId),
    // Who hears about licenses: looked up for every digest, a handful among all the members.
    index("people_workspace_admins_idx")
      .on(t.workspaceId)
      .where(sql`${t.active} and (${t.isSlackAdmin} or ${t.isGrantedAdmin})`),
  ],
);

export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

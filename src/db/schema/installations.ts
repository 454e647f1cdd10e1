import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";

/**
 * One OAuth install of the app: a workspace's (team_id set) or an Enterprise Grid org's org-wide
 * one (is_enterprise_install, team_id null). Every token is sealed by the token cipher
 * (`v1:<keyId>:<iv>:<tag>:<ciphertext>`), never stored in clear.
 */
export const slackInstallations = pgTable(
  "slack_installations",
  {
    enterpriseId: text("enterprise_id"),
    teamId: text("team_id"),
    isEnterpriseInstall: boolean("is_enterprise_install").notNull(),
    teamName: text("team_name"),
    enterpriseName: text("enterprise_name"),
    enterpriseUrl: text("enterprise_url"),
    appId: text("app_id"),
    authVersion: text("auth_version").notNull().default("v2"),
    botId: text("bot_id"),
    botUserId: text("bot_user_id"),
    botScopes: text("bot_scopes").array(),
    botToken: text("bot_token"),
    botRefreshToken: text("bot_refresh_token"),
    botTokenExpiresAt: timestamp("bot_token_expires_at", { withTimezone: true }),
    /** Who installed it. */
    userId: text("user_id").notNull(),
    userScopes: text("user_scopes").array(),
    userToken: text("user_token"),
    userRefreshToken: text("user_refresh_token"),
    userTokenExpiresAt: timestamp("user_token_expires_at", { withTimezone: true }),
    /** The OAuth state's metadata, as the installer passed it. */
    metadata: text("metadata"),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("slack_installations_enterprise_team_key").on(t.enterpriseId, t.teamId).nullsNotDistinct(),
    check(
      "slack_installations_org_or_team",
      sql`(${t.isEnterpriseInstall} and ${t.enterpriseId} is not null and ${t.teamId} is null)
        or (not ${t.isEnterpriseInstall} and ${t.teamId} is not null)`,
    ),
    check(
      "slack_installations_tokens_sealed",
      sql`coalesce(${t.botToken}, 'v1:') like 'v1:%' and coalesce(${t.userToken}, 'v1:') like 'v1:%'
        and coalesce(${t.botRefreshToken}, 'v1:') like 'v1:%' and coalesce(${t.userRefreshToken}, 'v1:') like 'v1:%'`,
    ),
  ],
);

export type SlackInstallationRow = typeof slackInstallations.$inferSelect;
export type NewSlackInstallationRow = typeof slackInstallations.$inferInsert;

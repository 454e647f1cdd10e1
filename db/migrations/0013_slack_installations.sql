CREATE TABLE "slack_installations" (
	"enterprise_id" text,
	"team_id" text,
	"is_enterprise_install" boolean NOT NULL,
	"team_name" text,
	"enterprise_name" text,
	"enterprise_url" text,
	"app_id" text,
	"auth_version" text DEFAULT 'v2' NOT NULL,
	"bot_id" text,
	"bot_user_id" text,
	"bot_scopes" text[],
	"bot_token" text,
	"bot_refresh_token" text,
	"bot_token_expires_at" timestamp with time zone,
	"user_id" text NOT NULL,
	"user_scopes" text[],
	"user_token" text,
	"user_refresh_token" text,
	"user_token_expires_at" timestamp with time zone,
	"metadata" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_installations_enterprise_team_key" UNIQUE NULLS NOT DISTINCT("enterprise_id","team_id"),
	CONSTRAINT "slack_installations_org_or_team" CHECK (("slack_installations"."is_enterprise_install" and "slack_installations"."enterprise_id" is not null and "slack_installations"."team_id" is null)
        or (not "slack_installations"."is_enterprise_install" and "slack_installations"."team_id" is not null)),
	CONSTRAINT "slack_installations_tokens_sealed" CHECK (coalesce("slack_installations"."bot_token", 'v1:') like 'v1:%' and coalesce("slack_installations"."user_token", 'v1:') like 'v1:%'
        and coalesce("slack_installations"."bot_refresh_token", 'v1:') like 'v1:%' and coalesce("slack_installations"."user_refresh_token", 'v1:') like 'v1:%')
);

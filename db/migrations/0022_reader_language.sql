ALTER TABLE "people" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "slack_locale" text;--> statement-breakpoint
ALTER TABLE "request_messages" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "default_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_language_known" CHECK ("people"."language" in ('en', 'sv'));--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_default_language_known" CHECK ("workspaces"."default_language" in ('en', 'sv'));
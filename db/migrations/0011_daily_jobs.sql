CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('restore_window', 'mailbox_lock', 'request_pending', 'low_seats');--> statement-breakpoint
CREATE TABLE "job_runs" (
	"key" text PRIMARY KEY NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"channel" text NOT NULL,
	"message" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"message_ts" text,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"step" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "daily_jobs_at" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "restore_reminder_days" integer[] DEFAULT '{7,3,1}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "mailbox_warning_days" integer[] DEFAULT '{7,1}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "request_reminder_after_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "outbox_paused_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key_uq" ON "outbox" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_subject_step_uq" ON "reminders" USING btree ("kind","subject_id","step");--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_daily_jobs_at_hh_mm" CHECK ("workspaces"."daily_jobs_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
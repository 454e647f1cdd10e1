CREATE TYPE "public"."audit_source" AS ENUM('command', 'button', 'modal', 'job', 'event', 'cli', 'system');--> statement-breakpoint
CREATE TYPE "public"."non_user_mailbox_kind" AS ENUM('resource', 'room', 'shared');--> statement-breakpoint
CREATE TYPE "public"."service_plan_kind" AS ENUM('mailbox', 'team_site', 'meetings', 'office_apps');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('pending', 'approved', 'denied', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."restore_window_status" AS ENUM('open', 'restored', 'purged');--> statement-breakpoint
CREATE TYPE "public"."service_data_status" AS ENUM('active', 'retained', 'kept');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"source" "audit_source" NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "non_user_mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"address" text NOT NULL,
	"kind" "non_user_mailbox_kind" NOT NULL,
	"size_mb" integer DEFAULT 0 NOT NULL,
	"quota_mb" integer,
	"over_quota_since" timestamp with time zone,
	"lock_at" timestamp with time zone,
	"licensed" boolean DEFAULT false NOT NULL,
	"locked_at" timestamp with time zone,
	CONSTRAINT "non_user_mailboxes_size_non_negative" CHECK ("non_user_mailboxes"."size_mb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"slack_user_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"time_zone" text,
	"usage_location" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_slack_admin" boolean DEFAULT false NOT NULL,
	"is_granted_admin" boolean DEFAULT false NOT NULL,
	"admin_granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"purchased_seats" integer NOT NULL,
	"assigned_seats" integer DEFAULT 0 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"low_seat_threshold" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_purchased_non_negative" CHECK ("products"."purchased_seats" >= 0),
	CONSTRAINT "products_assigned_within_purchased" CHECK ("products"."assigned_seats" >= 0 AND "products"."assigned_seats" <= "products"."purchased_seats")
);
--> statement-breakpoint
CREATE TABLE "service_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"product_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" "service_plan_kind" NOT NULL,
	"data_description" text NOT NULL,
	"data_survives_removal" boolean DEFAULT false NOT NULL,
	"unavailable_locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"install_limit" integer,
	CONSTRAINT "service_plans_install_limit_positive" CHECK ("service_plans"."install_limit" IS NULL OR "service_plans"."install_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "license_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "restore_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"removed_at" timestamp with time zone NOT NULL,
	"removed_by" text NOT NULL,
	"purge_at" timestamp with time zone NOT NULL,
	"status" "restore_window_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "device_installs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"service_data_id" uuid NOT NULL,
	"device_name" text NOT NULL,
	"installed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_data" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"service_plan_id" uuid NOT NULL,
	"status" "service_data_status" DEFAULT 'active' NOT NULL,
	"restore_window_id" uuid,
	"mailbox_size_mb" integer,
	"provisioned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_data_retained_has_window" CHECK (("service_data"."status" = 'retained') = ("service_data"."restore_window_id" IS NOT NULL)),
	CONSTRAINT "service_data_mailbox_size_non_negative" CHECK ("service_data"."mailbox_size_mb" IS NULL OR "service_data"."mailbox_size_mb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"default_usage_location" text,
	"restore_window_days" integer DEFAULT 30 NOT NULL,
	"non_user_mailbox_quota_mb" integer DEFAULT 10240 NOT NULL,
	"request_expiry_days" integer DEFAULT 30 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_restore_window_days_positive" CHECK ("workspaces"."restore_window_days" > 0),
	CONSTRAINT "workspaces_mailbox_quota_positive" CHECK ("workspaces"."non_user_mailbox_quota_mb" > 0),
	CONSTRAINT "workspaces_request_expiry_days_positive" CHECK ("workspaces"."request_expiry_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_user_mailboxes" ADD CONSTRAINT "non_user_mailboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plans" ADD CONSTRAINT "service_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plans" ADD CONSTRAINT "service_plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_windows" ADD CONSTRAINT "restore_windows_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_windows" ADD CONSTRAINT "restore_windows_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_windows" ADD CONSTRAINT "restore_windows_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_installs" ADD CONSTRAINT "device_installs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_installs" ADD CONSTRAINT "device_installs_service_data_id_service_data_id_fk" FOREIGN KEY ("service_data_id") REFERENCES "public"."service_data"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_service_plan_id_service_plans_id_fk" FOREIGN KEY ("service_plan_id") REFERENCES "public"."service_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_restore_window_id_restore_windows_id_fk" FOREIGN KEY ("restore_window_id") REFERENCES "public"."restore_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_person_product_uq" ON "assignments" USING btree ("person_id","product_id");--> statement-breakpoint
CREATE INDEX "assignments_product_idx" ON "assignments" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_at_idx" ON "audit_log" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_target_idx" ON "audit_log" USING btree ("workspace_id","target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "non_user_mailboxes_workspace_address_uq" ON "non_user_mailboxes" USING btree ("workspace_id","address");--> statement-breakpoint
CREATE INDEX "non_user_mailboxes_lock_at_idx" ON "non_user_mailboxes" USING btree ("lock_at") WHERE "non_user_mailboxes"."lock_at" IS NOT NULL AND "non_user_mailboxes"."locked_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "people_workspace_slack_user_uq" ON "people" USING btree ("workspace_id","slack_user_id");--> statement-breakpoint
CREATE INDEX "people_workspace_email_idx" ON "people" USING btree ("workspace_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "products_workspace_key_uq" ON "products" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "service_plans_product_key_uq" ON "service_plans" USING btree ("product_id","key");--> statement-breakpoint
CREATE INDEX "service_plans_workspace_idx" ON "service_plans" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "license_requests_workspace_status_idx" ON "license_requests" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "restore_windows_one_open_uq" ON "restore_windows" USING btree ("person_id","product_id") WHERE "restore_windows"."status" = 'open';--> statement-breakpoint
CREATE INDEX "restore_windows_open_purge_at_idx" ON "restore_windows" USING btree ("purge_at") WHERE "restore_windows"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "device_installs_service_data_device_uq" ON "device_installs" USING btree ("service_data_id","device_name");--> statement-breakpoint
CREATE UNIQUE INDEX "service_data_person_plan_uq" ON "service_data" USING btree ("person_id","service_plan_id");--> statement-breakpoint
CREATE INDEX "service_data_restore_window_idx" ON "service_data" USING btree ("restore_window_id") WHERE "service_data"."restore_window_id" IS NOT NULL;
CREATE TYPE "public"."admin_notification_kind" AS ENUM('defaults_not_assigned', 'offboarded_data_at_risk');--> statement-breakpoint
CREATE TABLE "admin_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" "admin_notification_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bulk_changes" (
	"workspace_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by" text NOT NULL,
	CONSTRAINT "bulk_changes_pk" PRIMARY KEY("workspace_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "non_user_mailboxes" ADD COLUMN "licensed_product_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "onboarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_notifications" ADD CONSTRAINT "admin_notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_changes" ADD CONSTRAINT "bulk_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_notifications_undelivered_idx" ON "admin_notifications" USING btree ("workspace_id","created_at") WHERE "admin_notifications"."delivered_at" IS NULL;--> statement-breakpoint
ALTER TABLE "non_user_mailboxes" ADD CONSTRAINT "non_user_mailboxes_licensed_product_id_products_id_fk" FOREIGN KEY ("licensed_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "license_requests_one_pending_uq" ON "license_requests" USING btree ("person_id","product_id") WHERE "license_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "license_requests_pending_expires_idx" ON "license_requests" USING btree ("expires_at") WHERE "license_requests"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "non_user_mailboxes" DROP COLUMN "licensed";
CREATE TYPE "public"."tenant_operation_action" AS ENUM('add', 'remove');--> statement-breakpoint
CREATE TYPE "public"."tenant_operation_status" AS ENUM('pending', 'applied', 'refused');--> statement-breakpoint
ALTER TYPE "public"."audit_source" ADD VALUE 'tenant';--> statement-breakpoint
CREATE TABLE "tenant_connections" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'microsoft365' NOT NULL,
	"tenant_id" text NOT NULL,
	"client_id" text,
	"client_secret_encrypted" text,
	"connected_by" text NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	"delta_cursor" text,
	"last_sync_at" timestamp with time zone,
	"last_sync_error" text,
	"last_sync_summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "tenant_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"action" "tenant_operation_action" NOT NULL,
	"status" "tenant_operation_status" DEFAULT 'pending' NOT NULL,
	"decision" jsonb NOT NULL,
	"decision_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"not_before" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"refusal" text,
	"refusal_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "tenant_operations_refusal_when_refused" CHECK (("tenant_operations"."status" = 'refused') = ("tenant_operations"."refusal" is not null))
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "from_group_id" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "from_group_name" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "tenant_person_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "tenant_product_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "gone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenant_connections" ADD CONSTRAINT "tenant_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_operations" ADD CONSTRAINT "tenant_operations_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_operations" ADD CONSTRAINT "tenant_operations_product_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_operations_pending_uq" ON "tenant_operations" USING btree ("person_id","product_id") WHERE "tenant_operations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tenant_operations_due_idx" ON "tenant_operations" USING btree ("not_before") WHERE "tenant_operations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tenant_operations_decision_idx" ON "tenant_operations" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_workspace_tenant_person_uq" ON "people" USING btree ("workspace_id","tenant_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_workspace_tenant_product_uq" ON "products" USING btree ("workspace_id","tenant_product_id");--> statement-breakpoint
ALTER TABLE "tenant_connections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_connections" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY workspace_scope ON "tenant_connections"
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');--> statement-breakpoint
ALTER TABLE "tenant_operations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_operations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY workspace_scope ON "tenant_operations"
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');

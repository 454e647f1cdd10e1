CREATE TABLE "request_messages" (
	"request_id" uuid NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ts" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_messages_request_id_channel_id_pk" PRIMARY KEY("request_id","channel_id")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "directory_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_license_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."license_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "slack_deliveries" (
	"workspace_id" text NOT NULL,
	"key" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slack_deliveries_pk" PRIMARY KEY("workspace_id","key")
);

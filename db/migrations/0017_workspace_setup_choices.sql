CREATE TYPE "public"."approvals_route" AS ENUM('channel', 'direct_messages');--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "approvals_route" "approvals_route";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "approvals_channel_id" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_approvals_channel_with_route" CHECK (("workspaces"."approvals_route" = 'channel') = ("workspaces"."approvals_channel_id" is not null));
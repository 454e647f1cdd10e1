ALTER TABLE "assignments" DROP CONSTRAINT "assignments_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "restore_windows" DROP CONSTRAINT "restore_windows_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "restore_windows" DROP CONSTRAINT "restore_windows_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "restore_windows" DROP CONSTRAINT "restore_windows_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "service_data" DROP CONSTRAINT "service_data_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "service_data" DROP CONSTRAINT "service_data_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "service_data" DROP CONSTRAINT "service_data_service_plan_id_service_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_product_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_windows" ADD CONSTRAINT "restore_windows_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_windows" ADD CONSTRAINT "restore_windows_product_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_plan_fk" FOREIGN KEY ("workspace_id","service_plan_id") REFERENCES "public"."service_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
CREATE UNIQUE INDEX "people_workspace_id_uq" ON "people" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_workspace_id_uq" ON "products" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_plans_workspace_id_uq" ON "service_plans" USING btree ("workspace_id","id");
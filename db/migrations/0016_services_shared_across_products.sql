-- Service data belongs to the person and the service, not to one product's plan: a service is
-- identified across a workspace's products by its key (the catalog's plan key), and products carry
-- services. Existing data moves without loss: each workspace's plans become one service per key,
-- service data and device installs are re-keyed to it (two products' copies of one service merge:
-- the active one wins, with the larger mailbox), and a restore window whose data turns out to be
-- still on through another product is closed as restored.
-- The policies below hide rows from a table owner that is not a superuser; the move must see them all.
SELECT set_config('license_desk.workspace_id', '*', true);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" "service_plan_kind" NOT NULL,
	"data_description" text NOT NULL,
	"data_survives_removal" boolean DEFAULT false NOT NULL,
	"unavailable_locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"install_limit" integer,
	CONSTRAINT "services_install_limit_positive" CHECK ("services"."install_limit" IS NULL OR "services"."install_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "product_services" (
	"workspace_id" text NOT NULL,
	"product_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "product_services_pk" PRIMARY KEY("product_id","service_id")
);
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "services_workspace_key_uq" ON "services" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "services_workspace_id_uq" ON "services" USING btree ("workspace_id","id");--> statement-breakpoint
ALTER TABLE "product_services" ADD CONSTRAINT "product_services_product_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_services" ADD CONSTRAINT "product_services_service_fk" FOREIGN KEY ("workspace_id","service_id") REFERENCES "public"."services"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_services_service_idx" ON "product_services" USING btree ("service_id");--> statement-breakpoint
-- One service per workspace and key. The oldest product's plan describes it; a plan whose kind
-- differs from that one's under the same key is a different service and gets the kind in its key.
ALTER TABLE "service_plans" ADD COLUMN "service_key" text;--> statement-breakpoint
UPDATE "service_plans" sp SET "service_key" = CASE WHEN sp.kind = first.kind THEN sp.key ELSE sp.key || '-' || replace(sp.kind::text, '_', '-') END
FROM (
  SELECT DISTINCT ON (p2.workspace_id, p2.key) p2.workspace_id, p2.key, p2.kind
  FROM "service_plans" p2 JOIN "products" pr ON pr.id = p2.product_id
  ORDER BY p2.workspace_id, p2.key, pr.created_at, pr.id
) first
WHERE first.workspace_id = sp.workspace_id AND first.key = sp.key;--> statement-breakpoint
INSERT INTO "services" ("workspace_id", "key", "name", "kind", "data_description", "data_survives_removal", "unavailable_locations", "install_limit")
SELECT DISTINCT ON (sp.workspace_id, sp.service_key) sp.workspace_id, sp.service_key, sp.name, sp.kind, sp.data_description,
  sp.data_survives_removal, sp.unavailable_locations, sp.install_limit
FROM "service_plans" sp JOIN "products" pr ON pr.id = sp.product_id
ORDER BY sp.workspace_id, sp.service_key, pr.created_at, pr.id;--> statement-breakpoint
ALTER TABLE "service_plans" ADD COLUMN "service_id" uuid;--> statement-breakpoint
UPDATE "service_plans" sp SET "service_id" = s.id FROM "services" s WHERE s.workspace_id = sp.workspace_id AND s.key = sp.service_key;--> statement-breakpoint
INSERT INTO "product_services" ("workspace_id", "product_id", "service_id")
SELECT workspace_id, product_id, service_id FROM "service_plans" ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Service data and device installs follow their plan to its service.
ALTER TABLE "device_installs" DROP CONSTRAINT "device_installs_service_data_fk";--> statement-breakpoint
ALTER TABLE "service_data" DROP CONSTRAINT "service_data_plan_fk";--> statement-breakpoint
ALTER TABLE "service_data" DROP CONSTRAINT "service_data_pk";--> statement-breakpoint
DROP INDEX "device_installs_service_device_uq";--> statement-breakpoint
ALTER TABLE "service_data" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "device_installs" ADD COLUMN "service_id" uuid;--> statement-breakpoint
UPDATE "service_data" sd SET "service_id" = sp.service_id FROM "service_plans" sp WHERE sp.id = sd.service_plan_id;--> statement-breakpoint
UPDATE "device_installs" di SET "service_id" = sp.service_id FROM "service_plans" sp WHERE sp.id = di.service_plan_id;--> statement-breakpoint
-- A person who held two products with one service had two copies of its data: keep one, the one
-- that is on if any, with the larger mailbox and the first provisioning date.
UPDATE "service_data" sd SET "mailbox_size_mb" = m.size, "provisioned_at" = m.first_at
FROM (
  SELECT person_id, service_id, max(mailbox_size_mb) AS size, min(provisioned_at) AS first_at
  FROM "service_data" GROUP BY person_id, service_id HAVING count(*) > 1
) m
WHERE sd.person_id = m.person_id AND sd.service_id = m.service_id;--> statement-breakpoint
DELETE FROM "service_data" sd USING (
  SELECT ctid AS row_id, row_number() OVER (PARTITION BY person_id, service_id
    ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'retained' THEN 1 ELSE 2 END, service_plan_id) AS n
  FROM "service_data"
) ranked
WHERE sd.ctid = ranked.row_id AND ranked.n > 1;--> statement-breakpoint
DELETE FROM "device_installs" di USING (
  SELECT id, row_number() OVER (PARTITION BY person_id, service_id, device_name ORDER BY installed_at, id) AS n
  FROM "device_installs"
) ranked
WHERE di.id = ranked.id AND ranked.n > 1;--> statement-breakpoint
-- A window none of whose data is still retained lost nothing: the service is on through another product.
UPDATE "restore_windows" rw SET "status" = 'restored', "closed_at" = now()
WHERE rw.status = 'open' AND NOT EXISTS (SELECT 1 FROM "service_data" sd WHERE sd.restore_window_id = rw.id);--> statement-breakpoint
ALTER TABLE "service_data" ALTER COLUMN "service_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "device_installs" ALTER COLUMN "service_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "device_installs" DROP COLUMN "service_plan_id";--> statement-breakpoint
ALTER TABLE "service_data" DROP COLUMN "service_plan_id";--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_pk" PRIMARY KEY("person_id","service_id");--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_service_fk" FOREIGN KEY ("workspace_id","service_id") REFERENCES "public"."services"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_installs_service_device_uq" ON "device_installs" USING btree ("person_id","service_id","device_name");--> statement-breakpoint
ALTER TABLE "device_installs" ADD CONSTRAINT "device_installs_service_data_fk" FOREIGN KEY ("person_id","service_id") REFERENCES "public"."service_data"("person_id","service_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plans" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "service_plans" CASCADE;--> statement-breakpoint
-- A restore window is no longer the only one per product: it names the removal that opened it.
DROP INDEX "restore_windows_one_open_uq";--> statement-breakpoint
CREATE INDEX "restore_windows_open_person_idx" ON "restore_windows" USING btree ("person_id") WHERE "restore_windows"."status" = 'open';--> statement-breakpoint
-- The same isolation as every other table of a workspace's rows (migration 0014).
GRANT SELECT, INSERT, UPDATE, DELETE ON "services", "product_services" TO license_desk_tenant;--> statement-breakpoint
ALTER TABLE "services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "services" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY workspace_scope ON "services"
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');--> statement-breakpoint
ALTER TABLE "product_services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "product_services" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY workspace_scope ON "product_services"
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');

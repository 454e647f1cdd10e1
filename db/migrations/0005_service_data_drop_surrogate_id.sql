ALTER TABLE "device_installs" DROP CONSTRAINT "device_installs_service_data_id_service_data_id_fk";
--> statement-breakpoint
DROP INDEX "device_installs_service_data_device_uq";--> statement-breakpoint
ALTER TABLE "device_installs" ADD COLUMN "person_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "device_installs" ADD COLUMN "service_plan_id" uuid NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "device_installs_service_device_uq" ON "device_installs" USING btree ("person_id","service_plan_id","device_name");--> statement-breakpoint
ALTER TABLE "device_installs" DROP COLUMN "service_data_id";--> statement-breakpoint
ALTER TABLE "service_data" DROP COLUMN "id";
DROP INDEX "service_data_person_plan_uq";--> statement-breakpoint
ALTER TABLE "service_data" ADD CONSTRAINT "service_data_pk" PRIMARY KEY("person_id","service_plan_id");
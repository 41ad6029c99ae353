DROP INDEX "observations_unit_idx";--> statement-breakpoint
CREATE INDEX "observations_unit_indicator_idx" ON "observations" USING btree ("org_unit_code","indicator_id");
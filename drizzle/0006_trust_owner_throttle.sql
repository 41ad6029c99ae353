CREATE TABLE "login_throttles" (
	"username" text NOT NULL,
	"client" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttles_username_client_pk" PRIMARY KEY("username","client")
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "owner_unit_code" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "drafted_from_plan_id" uuid;--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_unit_code_org_units_code_fk" FOREIGN KEY ("owner_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_owner_idx" ON "plans" USING btree ("owner_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_draft_per_unit_year" ON "plans" USING btree ("drafted_from_plan_id","owner_unit_code","period_from") WHERE "plans"."drafted_from_plan_id" is not null;--> statement-breakpoint
UPDATE "plans" SET "owner_unit_code" = "issuer_unit_code" WHERE "owner_unit_code" IS NULL;
CREATE TABLE "plan_duties" (
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text,
	"agency_name" text NOT NULL,
	"heading" text,
	"org_unit_code" text,
	"covers" text,
	"paragraphs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "plan_duties_plan_id_position_pk" PRIMARY KEY("plan_id","position")
);
--> statement-breakpoint
CREATE TABLE "plan_reporting_units" (
	"plan_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"source" text NOT NULL,
	"included" boolean DEFAULT true NOT NULL,
	CONSTRAINT "plan_reporting_units_plan_id_org_unit_code_pk" PRIMARY KEY("plan_id","org_unit_code")
);
--> statement-breakpoint
CREATE TABLE "unit_settings" (
	"org_unit_code" text PRIMARY KEY NOT NULL,
	"reporting" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_units" DROP CONSTRAINT "org_units_kind_check";--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "target_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ALTER COLUMN "due" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "letterhead_parent" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ADD COLUMN "before" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ADD COLUMN "text" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "text_parts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_duties" ADD CONSTRAINT "plan_duties_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_duties" ADD CONSTRAINT "plan_duties_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reporting_units" ADD CONSTRAINT "plan_reporting_units_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reporting_units" ADD CONSTRAINT "plan_reporting_units_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_settings" ADD CONSTRAINT "unit_settings_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_reporting_units_unit_idx" ON "plan_reporting_units" USING btree ("org_unit_code");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_responsible_check" CHECK (("assignments"."role" = 'responsible') = ("assignments"."target_id" is null));--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_kind_check" CHECK ("org_units"."kind" in ('nation', 'province', 'commune', 'agency', 'section'));
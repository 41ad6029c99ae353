CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"emailed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_once_key" UNIQUE("cycle_id","org_unit_code","kind")
);
--> statement-breakpoint
CREATE TABLE "report_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"reporting_entities" text NOT NULL,
	"recipient" text NOT NULL,
	"sending_method" text NOT NULL,
	"frequency" text NOT NULL,
	"cutoff_start" text NOT NULL,
	"cutoff_end" text NOT NULL,
	"due_month_day" text NOT NULL,
	"outline_template" text NOT NULL,
	"data_form" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_definitions_plan_kind_key" UNIQUE("plan_id","kind")
);
--> statement-breakpoint
CREATE TABLE "report_drafts" (
	"cycle_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"activities" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"signer_authority" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signed_file" text,
	"signed_size" integer,
	"signed_sha256" text,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_drafts_cycle_id_org_unit_code_pk" PRIMARY KEY("cycle_id","org_unit_code")
);
--> statement-breakpoint
CREATE TABLE "reporting_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"cutoff_from" date NOT NULL,
	"cutoff_to" date NOT NULL,
	"due" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reporting_cycles_definition_year_key" UNIQUE("definition_id","year")
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_definition_id_report_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."report_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "reporting_cycles_plan_idx" ON "reporting_cycles" USING btree ("plan_id");
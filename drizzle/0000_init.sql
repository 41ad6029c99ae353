CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_name" text NOT NULL,
	"org_unit_code" text,
	"position" integer NOT NULL,
	CONSTRAINT "assignments_target_agency_role_key" UNIQUE("target_id","agency_name","role")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "goals_plan_code_key" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"comparator" text NOT NULL,
	"year" integer,
	"baseline_value" numeric,
	"baseline_year" integer,
	"per" text
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"unit_type" text NOT NULL,
	"abbreviation" text,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "org_units_kind_check" CHECK ("org_units"."kind" in ('nation', 'province', 'commune', 'agency'))
);
--> statement-breakpoint
CREATE TABLE "plan_deadlines" (
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"report" text NOT NULL,
	"due" date NOT NULL,
	"recipient" text,
	CONSTRAINT "plan_deadlines_plan_id_position_pk" PRIMARY KEY("plan_id","position")
);
--> statement-breakpoint
CREATE TABLE "plan_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"relation" text NOT NULL,
	"doc_type" text,
	"number" text,
	"symbol" text,
	"issued_on" date,
	"issued_precision" text,
	"issuer" text,
	"title" text,
	"linked_plan_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_type" text NOT NULL,
	"number" text,
	"symbol" text,
	"issuer" text NOT NULL,
	"issuer_unit_code" text,
	"parent_body" text,
	"place" text,
	"issued_on" date,
	"issued_precision" text,
	"title" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"signer_authority" text,
	"signer_name" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_check" CHECK ("plans"."period_from" <= "plans"."period_to")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "targets_plan_code_key" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text,
	"text" text NOT NULL,
	"agencies" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deadlines" ADD CONSTRAINT "plan_deadlines_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_references" ADD CONSTRAINT "plan_references_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_references" ADD CONSTRAINT "plan_references_linked_plan_id_plans_id_fk" FOREIGN KEY ("linked_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_unit_code_org_units_code_fk" FOREIGN KEY ("issuer_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_plan_idx" ON "assignments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "assignments_org_unit_idx" ON "assignments" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "measures_target_idx" ON "measures" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "plan_references_plan_idx" ON "plan_references" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_references_linked_idx" ON "plan_references" USING btree ("linked_plan_id");--> statement-breakpoint
CREATE INDEX "targets_goal_idx" ON "targets" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id");
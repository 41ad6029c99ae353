CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"band_min" numeric,
	"band_max" numeric,
	"numerator_vi" text,
	"denominator_vi" text,
	"multiplier" numeric,
	"disaggregations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"aggregation" text NOT NULL,
	"period_type" text NOT NULL,
	"unit_kinds" jsonb NOT NULL,
	"source" text,
	"provider_abbr" text,
	"min_value" numeric,
	"max_value" numeric,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicators_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"period" text NOT NULL,
	"period_type" text NOT NULL,
	"sex" text DEFAULT 'total' NOT NULL,
	"age_group" text DEFAULT '' NOT NULL,
	"ethnicity" text DEFAULT '' NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"value" numeric NOT NULL,
	"numerator" numeric,
	"denominator" numeric,
	"source" text,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_key" UNIQUE("indicator_id","org_unit_code","period","sex","age_group","ethnicity","area")
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "indicator_id" uuid;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_unit_idx" ON "observations" USING btree ("org_unit_code");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"channel" text,
	"url" text,
	"date" date NOT NULL,
	"end_date" date,
	"occasion" text,
	"participants_female" integer,
	"participants_male" integer,
	"findings" text,
	"task_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_code" text NOT NULL,
	"position" text NOT NULL,
	"is_key_leader" boolean NOT NULL,
	"holder_sex" text,
	"from_date" date NOT NULL,
	"to_date" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_counts" (
	"org_unit_code" text NOT NULL,
	"as_of" date NOT NULL,
	"female" integer NOT NULL,
	"male" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "staff_counts_org_unit_code_as_of_pk" PRIMARY KEY("org_unit_code","as_of")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "computation" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "status" text DEFAULT 'not_started' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_task_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_terms" ADD CONSTRAINT "leadership_terms_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_counts" ADD CONSTRAINT "staff_counts_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("org_unit_code","date");--> statement-breakpoint
CREATE INDEX "leadership_terms_unit_idx" ON "leadership_terms" USING btree ("org_unit_code");--> statement-breakpoint
-- Two catalogue indicators are computed from records from now on (databases seeded before this migration).
UPDATE "indicators" SET "computation" = '{"kind":"female_key_leader_share"}'::jsonb WHERE "code" = 'BDG-01';--> statement-breakpoint
UPDATE "indicators" SET "computation" = '{"kind":"activity_count","activity":"communication"}'::jsonb WHERE "code" = 'BDG-22';

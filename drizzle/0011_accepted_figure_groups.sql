CREATE TABLE "accepted_figure_groups" (
	"plan_id" uuid NOT NULL,
	"group_unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sex" text NOT NULL,
	"count" integer NOT NULL,
	"sum_value" numeric NOT NULL,
	"min_value" numeric NOT NULL,
	"max_value" numeric NOT NULL,
	"sum_numerator" numeric,
	"sum_denominator" numeric,
	"all_parts" boolean NOT NULL,
	"codes" text[] NOT NULL,
	CONSTRAINT "accepted_figure_groups_plan_id_group_unit_code_indicator_id_period_sex_kind_pk" PRIMARY KEY("plan_id","group_unit_code","indicator_id","period","sex","kind")
);
--> statement-breakpoint
ALTER TABLE "accepted_figure_groups" ADD CONSTRAINT "accepted_figure_groups_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_accepted_idx" ON "submissions" USING btree ("org_unit_code","period","plan_id") WHERE "submissions"."status" = 'accepted';
--> statement-breakpoint
-- The accepted whole figures of the children of units, for (plan, year, unit) triples, summed again from the
-- figures by the children's kind. Groups left without accepted figures vanish.
CREATE OR REPLACE FUNCTION refresh_accepted_figure_groups(p_plan uuid[], p_year text[], p_unit text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_plan), 0) = 0 THEN RETURN; END IF;
  DELETE FROM accepted_figure_groups g
  USING (SELECT DISTINCT * FROM unnest(p_plan, p_year, p_unit) AS t(plan_id, year, unit)) t
  WHERE g.plan_id = t.plan_id AND g.group_unit_code = t.unit AND g.period >= t.year AND left(g.period, 4) = t.year;
  -- The units' figures first, then their submissions: joined the other way, the planner pairs every accepted
  -- submission with every unit before reading a figure.
  INSERT INTO accepted_figure_groups (plan_id, group_unit_code, kind, indicator_id, period, sex, count, sum_value,
    min_value, max_value, sum_numerator, sum_denominator, all_parts, codes)
  WITH t AS MATERIALIZED (SELECT DISTINCT * FROM unnest(p_plan, p_year, p_unit) AS t(plan_id, year, unit)),
  u AS MATERIALIZED (SELECT DISTINCT t.unit, t.year, c.code, c.kind FROM t JOIN org_units c ON c.parent_code = t.unit),
  f AS MATERIALIZED (
    SELECT u.unit, u.year, u.kind, o.org_unit_code, o.reporting_unit_code, o.indicator_id, o.period, o.sex, o.value,
      o.numerator, o.denominator
    FROM u JOIN observations o ON o.org_unit_code = u.code AND o.age_group = '' AND o.ethnicity = '' AND o.area = ''
      AND o.period >= u.year AND left(o.period, 4) = u.year
  )
  SELECT t.plan_id, t.unit, f.kind, f.indicator_id, f.period, f.sex, count(*)::int, sum(f.value), min(f.value),
    max(f.value), sum(f.numerator), sum(f.denominator),
    bool_and(f.numerator IS NOT NULL AND f.denominator IS NOT NULL), array_agg(f.org_unit_code ORDER BY f.org_unit_code)
  FROM t
  JOIN f ON f.unit = t.unit AND f.year = t.year
  JOIN submissions s ON s.plan_id = t.plan_id AND s.org_unit_code = f.reporting_unit_code AND s.period = t.year
    AND s.status = 'accepted'
  GROUP BY t.plan_id, t.unit, f.kind, f.indicator_id, f.period, f.sex;
END $$;
--> statement-breakpoint
-- The groups a change of acceptance touches: (plan, reporting unit, year) → the parents of the units whose
-- figures it reports that year.
CREATE OR REPLACE FUNCTION refresh_accepted_groups_of_reporting(p_plan uuid[], p_unit text[], p_year text[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE pl uuid[]; yr text[]; gu text[];
BEGIN
  IF coalesce(cardinality(p_plan), 0) = 0 THEN RETURN; END IF;
  SELECT array_agg(a.plan_id), array_agg(a.year), array_agg(a.unit) INTO pl, yr, gu FROM (
    SELECT DISTINCT c.plan_id, c.year, x.parent_code AS unit
    FROM (SELECT DISTINCT * FROM unnest(p_plan, p_unit, p_year) AS c(plan_id, unit, year)) c
    JOIN observations o ON o.reporting_unit_code = c.unit AND o.period >= c.year AND left(o.period, 4) = c.year
      AND o.age_group = '' AND o.ethnicity = '' AND o.area = ''
    JOIN org_units x ON x.code = o.org_unit_code
    WHERE x.parent_code IS NOT NULL
  ) a;
  PERFORM refresh_accepted_figure_groups(pl, yr, gu);
END $$;
--> statement-breakpoint
-- The groups a change of figures touches, where their reporting unit's year is accepted under some plan: the
-- parents of the figures' units. Arguments: the changed whole figures' units, reporting units and years.
CREATE OR REPLACE FUNCTION refresh_accepted_groups_of_figures(p_unit text[], p_reporting text[], p_year text[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE pl uuid[]; yr text[]; gu text[];
BEGIN
  IF coalesce(cardinality(p_unit), 0) = 0 THEN RETURN; END IF;
  SELECT array_agg(a.plan_id), array_agg(a.year), array_agg(a.unit) INTO pl, yr, gu FROM (
    SELECT DISTINCT s.plan_id, s.period AS year, x.parent_code AS unit
    FROM (SELECT DISTINCT * FROM unnest(p_unit, p_reporting, p_year) AS c(unit, reporting, year)) c
    JOIN submissions s ON s.org_unit_code = c.reporting AND s.period = c.year AND s.status = 'accepted'
    JOIN org_units x ON x.code = c.unit
    WHERE x.parent_code IS NOT NULL
  ) a;
  PERFORM refresh_accepted_figure_groups(pl, yr, gu);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_submission_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_reporting(array_agg(plan_id), array_agg(org_unit_code), array_agg(period))
  FROM new_rows WHERE status = 'accepted';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_submission_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_reporting(array_agg(c.plan_id), array_agg(c.unit), array_agg(c.period))
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  CROSS JOIN LATERAL (VALUES (o.plan_id, o.org_unit_code, o.period), (n.plan_id, n.org_unit_code, n.period))
    AS c(plan_id, unit, period)
  WHERE (o.status = 'accepted' OR n.status = 'accepted')
    AND (o.status, o.plan_id, o.org_unit_code, o.period) IS DISTINCT FROM (n.status, n.plan_id, n.org_unit_code, n.period);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_submission_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_reporting(array_agg(plan_id), array_agg(org_unit_code), array_agg(period))
  FROM old_rows WHERE status = 'accepted';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_insert_accepted_groups AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_submission_insert();
--> statement-breakpoint
CREATE TRIGGER submissions_update_accepted_groups AFTER UPDATE ON submissions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_submission_update();
--> statement-breakpoint
CREATE TRIGGER submissions_delete_accepted_groups AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_submission_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_figure_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_figures(array_agg(c.org_unit_code), array_agg(c.reporting_unit_code), array_agg(c.year))
  FROM (SELECT DISTINCT org_unit_code, reporting_unit_code, left(period, 4) AS year FROM new_rows
        WHERE age_group = '' AND ethnicity = '' AND area = '') c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_figure_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_figures(array_agg(c.org_unit_code), array_agg(c.reporting_unit_code), array_agg(c.year))
  FROM (SELECT org_unit_code, reporting_unit_code, left(period, 4) AS year FROM new_rows
        WHERE age_group = '' AND ethnicity = '' AND area = ''
        UNION
        SELECT org_unit_code, reporting_unit_code, left(period, 4) FROM old_rows
        WHERE age_group = '' AND ethnicity = '' AND area = '') c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION accepted_groups_after_figure_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_groups_of_figures(array_agg(c.org_unit_code), array_agg(c.reporting_unit_code), array_agg(c.year))
  FROM (SELECT DISTINCT org_unit_code, reporting_unit_code, left(period, 4) AS year FROM old_rows
        WHERE age_group = '' AND ethnicity = '' AND area = '') c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observations_insert_accepted_groups AFTER INSERT ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_figure_insert();
--> statement-breakpoint
CREATE TRIGGER observations_update_accepted_groups AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_figure_update();
--> statement-breakpoint
CREATE TRIGGER observations_delete_accepted_groups AFTER DELETE ON observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_figure_delete();
--> statement-breakpoint
-- A unit moved to another parent, or of another kind: its old and new parents' groups, in every plan and year
-- where figures it describes are accepted.
CREATE OR REPLACE FUNCTION accepted_groups_after_unit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_accepted_figure_groups(array_agg(a.plan_id), array_agg(a.year), array_agg(a.unit)) FROM (
    SELECT DISTINCT s.plan_id, s.period AS year, g.unit
    FROM (SELECT n.code, o.parent_code AS old_parent, n.parent_code AS new_parent FROM old_rows o
          JOIN new_rows n ON n.code = o.code
          WHERE n.parent_code IS DISTINCT FROM o.parent_code OR n.kind IS DISTINCT FROM o.kind) m
    JOIN observations f ON f.org_unit_code = m.code AND f.age_group = '' AND f.ethnicity = '' AND f.area = ''
    JOIN submissions s ON s.org_unit_code = f.reporting_unit_code AND s.period = left(f.period, 4)
      AND s.status = 'accepted'
    CROSS JOIN LATERAL (VALUES (m.old_parent), (m.new_parent)) AS g(unit)
    WHERE g.unit IS NOT NULL
  ) a;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_units_update_accepted_groups AFTER UPDATE ON org_units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accepted_groups_after_unit_update();
--> statement-breakpoint
-- The figures accepted before this migration.
SELECT refresh_accepted_groups_of_reporting(array_agg(plan_id), array_agg(org_unit_code), array_agg(period))
FROM submissions WHERE status = 'accepted';

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Nation, provinces, communes (official GSO codes) and each province's agencies (codes of the form
 * "<province>-<ABBR>", e.g. "20-SNV"). One table so that every later feature scopes by one key.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    /** `section`: a phòng, ban, trung tâm or văn phòng inside an agency (or inside a commune's UBND). */
    kind: text('kind', { enum: ['nation', 'province', 'commune', 'agency', 'section'] }).notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    /** Tỉnh, Thành phố, Xã, Phường, Đặc khu; for agencies the catalogue category. */
    unitType: text('unit_type').notNull(),
    abbreviation: text('abbreviation'),
    /** Other names documents use for this unit (agencies only). */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    /** Lower-case, diacritics removed, for search without tone marks. */
    searchText: text('search_text').notNull(),
    /**
     * Line 1 of this unit's letterhead, as its parent body writes itself ("UBND TỈNH LẠNG SƠN", "BỘ CÔNG AN");
     * null when the letterhead has no parent line (a UBND, a body at the top of its own system).
     */
    letterheadParent: text('letterhead_parent'),
    /** The title its head signs with ("Giám đốc", "Chánh Thanh tra", "Chủ tịch"). */
    signerTitle: text('signer_title'),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentCode),
    check('org_units_kind_check', sql`${t.kind} in ('nation', 'province', 'commune', 'agency', 'section')`),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docType: text('doc_type').notNull(),
    number: text('number'),
    symbol: text('symbol'),
    issuer: text('issuer').notNull(),
    issuerUnitCode: text('issuer_unit_code').references(() => orgUnits.code),
    parentBody: text('parent_body'),
    place: text('place'),
    /** First day of the stated date; `issuedPrecision` says how much of it the document gives. */
    issuedOn: date('issued_on'),
    issuedPrecision: text('issued_precision', { enum: ['day', 'month', 'year'] }),
    title: text('title').notNull(),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    signerAuthority: text('signer_authority'),
    signerName: text('signer_name'),
    /**
     * The parts of the document that are text only (binhdang.plan/1 `text`): purpose, requirements, general goal,
     * budget, closing, recipients, addressees, signer lines, headings. Kept verbatim, never queried.
     */
    textParts: jsonb('text_parts').$type<Record<string, unknown>>().notNull().default({}),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Published plans, their targets and accepted figures are readable without signing in. */
    published: boolean('published').notNull().default(false),
    /**
     * The unit whose roles govern the plan: the issuer when it resolves, otherwise the importing user's unit.
     * Null only for plans stored before owners existed whose issuer does not resolve: admins alone may touch them.
     */
    ownerUnitCode: text('owner_unit_code').references(() => orgUnits.code),
    /** For a unit's plan drafted from a parent plan: that parent (one draft per parent, unit and year). */
    draftedFromPlanId: uuid('drafted_from_plan_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('plans_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
    index('plans_owner_idx').on(t.ownerUnitCode),
    uniqueIndex('plans_one_draft_per_unit_year')
      .on(t.draftedFromPlanId, t.ownerUnitCode, t.periodFrom)
      .where(sql`${t.draftedFromPlanId} is not null`),
  ],
);

export const planReferences = pgTable(
  'plan_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    relation: text('relation', { enum: ['implements', 'legal-basis'] }).notNull(),
    docType: text('doc_type'),
    number: text('number'),
    symbol: text('symbol'),
    issuedOn: date('issued_on'),
    issuedPrecision: text('issued_precision', { enum: ['day', 'month', 'year'] }),
    issuer: text('issuer'),
    title: text('title'),
    /** The plan in this database that the reference points to, when it is known. */
    linkedPlanId: uuid('linked_plan_id').references(() => plans.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('plan_references_plan_idx').on(t.planId),
    index('plan_references_linked_idx').on(t.linkedPlanId),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
  },
  (t) => [unique('goals_plan_code_key').on(t.planId, t.code)],
);

export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
  },
  (t) => [unique('targets_plan_code_key').on(t.planId, t.code), index('targets_goal_idx').on(t.goalId)],
);

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label'),
    value: numeric('value').notNull(),
    unit: text('unit').notNull(),
    comparator: text('comparator').notNull(),
    year: integer('year'),
    baselineValue: numeric('baseline_value'),
    baselineYear: integer('baseline_year'),
    per: text('per'),
    indicatorId: uuid('indicator_id').references(() => indicators.id),
  },
  (t) => [index('measures_target_idx').on(t.targetId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code'),
    text: text('text').notNull(),
    /** Agency names as the document writes them, with the org unit each resolves to (or null). */
    agencies: jsonb('agencies').$type<{ name: string; code: string | null }[]>().notNull().default([]),
    startDate: date('start_date'),
    dueDate: date('due_date'),
    status: text('status', { enum: ['not_started', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('not_started'),
    evidence: text('evidence'),
    /** The parent plan's task that this one carries out. */
    parentTaskId: uuid('parent_task_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('tasks_plan_idx').on(t.planId)],
);

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Null for `responsible`: an agency given duties without a target. */
    targetId: uuid('target_id').references(() => targets.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['lead', 'coordinate', 'responsible'] }).notNull(),
    /** As the document writes it; kept for export even when it resolves to an org unit. */
    agencyName: text('agency_name').notNull(),
    orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
    /** Order of the agency in the document's "Tổ chức thực hiện" section. */
    position: integer('position').notNull(),
  },
  (t) => [
    unique('assignments_target_agency_role_key').on(t.targetId, t.agencyName, t.role),
    check('assignments_responsible_check', sql`(${t.role} = 'responsible') = (${t.targetId} is null)`),
    index('assignments_plan_idx').on(t.planId),
    index('assignments_org_unit_idx').on(t.orgUnitCode),
  ],
);

export const planDeadlines = pgTable(
  'plan_deadlines',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    report: text('report').notNull(),
    /** The date as the document writes it; null when the plan names the report but no date. */
    due: date('due'),
    /** "trước ngày X": the report is due the day before the written date. */
    before: boolean('before').notNull().default(false),
    /** `yearly`: every year of the plan on the same day; `once`: only the written date (or `year`). */
    recurrence: text('recurrence', { enum: ['yearly', 'once'] }),
    /** For a report the plan places in a year without a date ("sơ kết giữa kỳ vào năm 2028"). */
    year: integer('year'),
    recipient: text('recipient'),
    /** The sentence of the document that sets it, verbatim. */
    text: text('text'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.position] })],
);

/**
 * The duty paragraphs of "Tổ chức thực hiện", per agency as the document heads them, with the org unit the
 * agency resolves to. `covers` marks a clause addressed to a class of units ("Các sở, ban, ngành khác thuộc
 * tỉnh", "UBND các xã, phường").
 */
export const planDuties = pgTable(
  'plan_duties',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code'),
    agencyName: text('agency_name').notNull(),
    heading: text('heading'),
    orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
    covers: text('covers', { enum: ['agencies', 'communes'] }),
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.planId, t.position] })],
);

/**
 * Who owes a plan's reports, and why: derived at import from targets, duties and clauses, then edited by the
 * coordinator (`included` false keeps a unit off the list without losing why it was on it).
 */
export const planReportingUnits = pgTable(
  'plan_reporting_units',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    source: text('source', { enum: ['target', 'duty', 'clause', 'manual'] }).notNull(),
    included: boolean('included').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.orgUnitCode] }),
    index('plan_reporting_units_unit_idx').on(t.orgUnitCode),
  ],
);

/** Settings a unit (a province) keeps for the plans it owns, e.g. whether its plans ask for 6-month reports. */
export const unitSettings = pgTable('unit_settings', {
  orgUnitCode: text('org_unit_code')
    .primaryKey()
    .references(() => orgUnits.code),
  reporting: jsonb('reporting').$type<Record<string, unknown>>().notNull().default({}),
  version: integer('version').notNull().default(1),
});

/** What is measured: a statistical indicator with its unit, direction and aggregation rule. */
export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction', { enum: ['higher', 'lower', 'band'] }).notNull(),
  bandMin: numeric('band_min'),
  bandMax: numeric('band_max'),
  numeratorVi: text('numerator_vi'),
  denominatorVi: text('denominator_vi'),
  /** value = numerator / denominator × multiplier (100 for %, 1000 for ‰ …). */
  multiplier: numeric('multiplier'),
  /** Subset of sex, age_group, ethnicity, area. */
  disaggregations: jsonb('disaggregations').$type<string[]>().notNull().default([]),
  aggregation: text('aggregation', { enum: ['ratio', 'sum', 'min', 'max', 'none'] }).notNull(),
  periodType: text('period_type', { enum: ['year', 'half', 'quarter', 'month'] }).notNull(),
  /** Kinds of org unit that may report it. */
  unitKinds: jsonb('unit_kinds').$type<string[]>().notNull(),
  source: text('source'),
  /** Abbreviation of the agency (in each province) that provides the figure, e.g. "TK". */
  providerAbbr: text('provider_abbr'),
  minValue: numeric('min_value'),
  maxValue: numeric('max_value'),
  /** Set when the figures are computed from registers or the activity log instead of entered. */
  computation: jsonb('computation').$type<Record<string, unknown>>(),
  /**
   * Share (0–1) of the owed units that must have reported before a roll-up counts as the scope's figure; null:
   * the default (src/domain/rollup.ts).
   */
  coverageThreshold: numeric('coverage_threshold'),
  version: integer('version').notNull().default(1),
});

/** One figure: indicator × org unit × period × disaggregation. */
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** The unit the figure describes. */
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** The unit answerable for it: the same unit, or the agency providing a province-level figure (Thống kê tỉnh). */
    reportingUnitCode: text('reporting_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** "2024", "2024-H1", "2024-Q3", "2024-07". */
    period: text('period').notNull(),
    periodType: text('period_type', { enum: ['year', 'half', 'quarter', 'month'] }).notNull(),
    sex: text('sex', { enum: ['total', 'female', 'male'] })
      .notNull()
      .default('total'),
    ageGroup: text('age_group').notNull().default(''),
    ethnicity: text('ethnicity').notNull().default(''),
    area: text('area').notNull().default(''),
    value: numeric('value').notNull(),
    numerator: numeric('numerator'),
    denominator: numeric('denominator'),
    source: text('source'),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('observations_key').on(
      t.indicatorId,
      t.orgUnitCode,
      t.period,
      t.sex,
      t.ageGroup,
      t.ethnicity,
      t.area,
    ),
    // A unit's figures, and its figures of an indicator (the history behind the outlier check).
    index('observations_unit_indicator_idx').on(t.orgUnitCode, t.indicatorId),
    // A reporting unit's figures of a year (periods of a year sort together): the submissions page and entry.
    index('observations_reporting_unit_period_idx').on(t.reportingUnitCode, t.period, t.indicatorId),
    // Progress reads a scope's whole figures (no sub-group) unit by unit: the splits, most of the rows, stay out.
    index('observations_whole_figures_idx')
      .on(t.orgUnitCode, t.indicatorId, t.period, t.sex)
      .where(sql`${t.ageGroup} = '' and ${t.ethnicity} = '' and ${t.area} = ''`),
  ],
);

/** People who sign in. Passwords are argon2id hashes. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** For reminders by e-mail; optional. */
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
});

/** A role held over an org unit and its subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'coordinator', 'approver', 'reporter', 'viewer'] }).notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.orgUnitCode] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a leaked table gives no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** The approval chain of one reporting unit's figures for one plan and year. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** The reporting year, e.g. "2025". */
    period: text('period').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'accepted'] })
      .notNull()
      .default('draft'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    lastComment: text('last_comment'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('submissions_key').on(t.planId, t.orgUnitCode, t.period),
    index('submissions_unit_idx').on(t.orgUnitCode),
    // Which unit-years are accepted under which plans, in key order (a national read checks none counts twice).
    index('submissions_accepted_idx')
      .on(t.orgUnitCode, t.period, t.planId)
      .where(sql`${t.status} = 'accepted'`),
  ],
);

/** Who did what, when, with the values before and after. Insert-only: a trigger refuses updates and deletes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    orgUnitCode: text('org_unit_code'),
    period: text('period'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_user_idx').on(t.userId),
    index('audit_log_unit_idx').on(t.orgUnitCode),
  ],
);

/**
 * One row counting committed writes: a deferred trigger on audit_log (migration 0009) bumps it when each audited
 * transaction commits, in commit order (the row lock orders them), so cached public answers know when to renew.
 */
export const dataVersion = pgTable(
  'data_version',
  {
    id: integer('id').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('data_version_one_row', sql`${t.id} = 1`)],
);

/** A report a plan requires (Nghị định 09/2019/NĐ-CP fields). Deadlines are data: each cycle carries its own. */
export const reportDefinitions = pgTable(
  'report_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['6-month', 'annual', 'mid-term', 'final', 'other'] }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    reportingEntities: text('reporting_entities').notNull(),
    recipient: text('recipient').notNull(),
    sendingMethod: text('sending_method').notNull(),
    frequency: text('frequency').notNull(),
    /** Default cut-off window and deadline as month-day, used when cycles are generated ("12-15" … "06-14"). */
    cutoffStart: text('cutoff_start').notNull(),
    cutoffEnd: text('cutoff_end').notNull(),
    dueMonthDay: text('due_month_day').notNull(),
    outlineTemplate: text('outline_template').notNull(),
    dataForm: text('data_form').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique('report_definitions_plan_kind_key').on(t.planId, t.kind)],
);

/** One occurrence of a report: its period, cut-off window and deadline. */
export const reportingCycles = pgTable(
  'reporting_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => reportDefinitions.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['6-month', 'annual', 'mid-term', 'final', 'other'] }).notNull(),
    year: integer('year').notNull(),
    /** "2026-H1" or "2026". */
    period: text('period').notNull(),
    cutoffFrom: date('cutoff_from').notNull(),
    cutoffTo: date('cutoff_to').notNull(),
    due: date('due').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('reporting_cycles_definition_year_key').on(t.definitionId, t.year),
    index('reporting_cycles_plan_idx').on(t.planId),
  ],
);

/** In-app reminders; the unique key makes each one be recorded (and e-mailed) once, whichever process runs. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportingCycles.id, { onDelete: 'cascade' }),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** due_soon / overdue go to the unit that owes the report; late_units to the plan's issuer, once a cycle. */
    kind: text('kind', { enum: ['due_soon', 'overdue', 'late_units'] }).notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    unique('notifications_once_key').on(t.cycleId, t.orgUnitCode, t.kind),
    index('notifications_unit_idx').on(t.orgUnitCode),
  ],
);

/** What a unit writes into its report before export, and the signed PDF that comes back. */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportingCycles.id, { onDelete: 'cascade' }),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    activities: text('activities').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    signerAuthority: text('signer_authority').notNull().default(''),
    signerName: text('signer_name').notNull().default(''),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** Signed PDF: stored as a file outside the rows; here its name, size and checksum. */
    signedFile: text('signed_file'),
    signedSize: integer('signed_size'),
    signedSha256: text('signed_sha256'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgUnitCode] })],
);

/** Register of leadership positions (no names): who holds a post, by sex, from when to when. */
export const leadershipTerms = pgTable(
  'leadership_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    position: text('position').notNull(),
    isKeyLeader: boolean('is_key_leader').notNull(),
    /** Null while the post is vacant. */
    holderSex: text('holder_sex', { enum: ['female', 'male'] }),
    fromDate: date('from_date').notNull(),
    /** Null while the term runs. */
    toDate: date('to_date'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('leadership_terms_unit_idx').on(t.orgUnitCode)],
);

/** Staff of a unit by sex on a date. */
export const staffCounts = pgTable(
  'staff_counts',
  {
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    asOf: date('as_of').notNull(),
    female: integer('female').notNull(),
    male: integer('male').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgUnitCode, t.asOf] })],
);

/** What units did: communication items, events, trainings and meetings, inspections. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    kind: text('kind', { enum: ['communication', 'event', 'training', 'meeting', 'inspection'] }).notNull(),
    title: text('title').notNull(),
    channel: text('channel', { enum: ['portal', 'radio', 'tv', 'social', 'meeting', 'print'] }),
    url: text('url'),
    date: date('date').notNull(),
    endDate: date('end_date'),
    /** One of the fixed dates of the calendar ("8-3", "28-6", "20-10", "action-month" …) when it marks one. */
    occasion: text('occasion'),
    participantsFemale: integer('participants_female'),
    participantsMale: integer('participants_male'),
    findings: text('findings'),
    taskIds: jsonb('task_ids').$type<string[]>().notNull().default([]),
    targetIds: jsonb('target_ids').$type<string[]>().notNull().default([]),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('activities_unit_date_idx').on(t.orgUnitCode, t.date)],
);

/** Files attached to an activity (photos, minutes): bytes on disk, metadata here. */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id')
    .notNull()
    .references(() => activities.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  storedName: text('stored_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Accepted whole figures (no sub-group) of a unit's children, summed per plan, period, sex and the children's
 * kind: what progress reads instead of the figures themselves (docs/NOTES.md, "Accepted figure groups"). A figure
 * counts under a plan once its reporting unit's submission for the year is accepted under it. Kept by triggers on
 * submissions, observations and org_units (migration 0011), in the same transaction as the change, so it is
 * never older than the figures.
 */
export const acceptedFigureGroups = pgTable(
  'accepted_figure_groups',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** The parent unit whose children's figures the group sums. */
    groupUnitCode: text('group_unit_code').notNull(),
    /** The kind of the units whose figures the group sums. */
    kind: text('kind').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    sex: text('sex').notNull(),
    count: integer('count').notNull(),
    sumValue: numeric('sum_value').notNull(),
    minValue: numeric('min_value').notNull(),
    maxValue: numeric('max_value').notNull(),
    /** Σ numerators and Σ denominators, meaningful only when every figure has both (`allParts`). */
    sumNumerator: numeric('sum_numerator'),
    sumDenominator: numeric('sum_denominator'),
    allParts: boolean('all_parts').notNull(),
    /** The units behind the group, by code. */
    codes: text('codes').array().notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.planId, t.groupUnitCode, t.indicatorId, t.period, t.sex, t.kind],
    }),
  ],
);

/**
 * Failed sign-ins per (username as typed, client address): growing waits for that pair only, so failures from one
 * address never lock the right password out at another. Unknown usernames are throttled the same way.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    username: text('username').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.username, t.client] }),
    index('login_throttles_last_failure_idx').on(t.lastFailureAt),
  ],
);

/**
 * Runs of the app's scheduled jobs (the daily backup): the process that inserts a (job, run) pair first does the
 * run, so that several processes on one database do it once.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    job: text('job').notNull(),
    /** Which run: the day, for a daily job. */
    runKey: text('run_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** What the run produced (a file name), or why it failed. */
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

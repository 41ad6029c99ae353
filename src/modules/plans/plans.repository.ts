import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import {
  assignments,
  goals,
  measures,
  orgUnits,
  planDeadlines,
  planDuties,
  planReferences,
  plans,
  targets,
  tasks,
} from '../../db/schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanInsert = typeof plans.$inferInsert;
export type TargetRow = typeof targets.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect & { orgUnitName: string | null };

/** A plan with everything under it, as written by one import. */
export interface PlanGraphInsert {
  /** created_at from the caller's clock, never the database default. */
  plan: PlanInsert & { createdAt: Date };
  references: Omit<typeof planReferences.$inferInsert, 'planId'>[];
  goals: {
    code: string;
    title: string;
    targets: { code: string; text: string; measures: Omit<typeof measures.$inferInsert, 'targetId'>[] }[];
  }[];
  tasks: Omit<typeof tasks.$inferInsert, 'planId'>[];
  assignments: {
    /** Null for a `responsible` assignment (duties without a target). */
    targetCode: string | null;
    role: 'lead' | 'coordinate' | 'responsible';
    agencyName: string;
    orgUnitCode: string | null;
    position: number;
  }[];
  deadlines: Omit<typeof planDeadlines.$inferInsert, 'planId'>[];
  duties: Omit<typeof planDuties.$inferInsert, 'planId'>[];
}

export type DutyRow = typeof planDuties.$inferSelect & { orgUnitName: string | null };

/** Writes a whole plan; call inside a transaction. Each table gets one multi-row insert. */
export async function insertPlanGraph(tx: Executor, g: PlanGraphInsert): Promise<string> {
  const [plan] = await tx.insert(plans).values(g.plan).returning({ id: plans.id });
  if (!plan) throw new Error('insert into plans returned nothing');
  await insertPlanParts(tx, plan.id, g);
  return plan.id;
}

/**
 * Replaces what a plan says with a new version of its document, in place: the plan keeps its id (so its
 * submissions, cycles, drafts and links stay), goals, targets, measures, assignments, references, deadlines and
 * duties are written anew, and tasks keep their status and evidence where the new document has a task with the
 * same code (or, without codes, the same place). Call inside a transaction.
 */
export async function replacePlanGraph(tx: Executor, planId: string, g: PlanGraphInsert): Promise<void> {
  const { createdAt: _createdAt, isDemo: _isDemo, published: _published, ...fields } = g.plan;
  await tx
    .update(plans)
    .set({ ...fields, version: sql`${plans.version} + 1` })
    .where(eq(plans.id, planId));
  await tx.delete(planReferences).where(eq(planReferences.planId, planId));
  await tx.delete(assignments).where(eq(assignments.planId, planId));
  const targetIds = await replaceGoals(tx, planId, g.goals);
  await tx.delete(planDeadlines).where(eq(planDeadlines.planId, planId));
  await tx.delete(planDuties).where(eq(planDuties.planId, planId));
  const existing = await tx.select().from(tasks).where(eq(tasks.planId, planId));
  const keyOf = (t: { code?: string | null; position: number }) => t.code ?? `#${t.position}`;
  const kept = new Map(existing.map((t) => [keyOf(t), t]));
  const fresh: typeof g.tasks = [];
  for (const t of g.tasks) {
    const old = kept.get(keyOf(t));
    if (old) {
      kept.delete(keyOf(t));
      await tx
        .update(tasks)
        .set({ position: t.position, code: t.code, text: t.text, agencies: t.agencies })
        .where(eq(tasks.id, old.id));
    } else fresh.push(t);
  }
  const gone = [...kept.values()].map((t) => t.id);
  if (gone.length > 0) await tx.delete(tasks).where(inArray(tasks.id, gone));
  await insertPlanParts(tx, planId, { ...g, goals: [], tasks: fresh }, targetIds);
}
/**
 * Goals, targets and measures of a new version, matched to the stored ones by code (measures by place): what
 * matches keeps its id, so links to a target and its history stay; the rest is added or removed.
 */
async function replaceGoals(
  tx: Executor,
  planId: string,
  newGoals: PlanGraphInsert['goals'],
): Promise<Map<string, string>> {
  const oldGoals = new Map(
    (await tx.select().from(goals).where(eq(goals.planId, planId))).map((r) => [r.code, r]),
  );
  const oldTargets = new Map(
    (await tx.select().from(targets).where(eq(targets.planId, planId))).map((r) => [r.code, r]),
  );
  // The stored measures of every target, read once.
  const storedMeasures = new Map<string, (typeof measures.$inferSelect)[]>();
  if (oldTargets.size > 0) {
    const rows = await tx
      .select()
      .from(measures)
      .where(
        inArray(
          measures.targetId,
          [...oldTargets.values()].map((t) => t.id),
        ),
      );
    for (const m of rows) storedMeasures.set(m.targetId, [...(storedMeasures.get(m.targetId) ?? []), m]);
  }
  const goalIds = new Map<string, string>();
  for (const [position, goal] of newGoals.entries()) {
    const old = oldGoals.get(goal.code);
    if (old) {
      oldGoals.delete(goal.code);
      await tx.update(goals).set({ position, title: goal.title }).where(eq(goals.id, old.id));
      goalIds.set(goal.code, old.id);
    } else {
      const [row] = await tx
        .insert(goals)
        .values({ planId, position, code: goal.code, title: goal.title })
        .returning({ id: goals.id });
      goalIds.set(goal.code, row!.id);
    }
  }
  const targetIds = new Map<string, string>();
  const measureValues: (typeof measures.$inferInsert)[] = [];
  for (const goal of newGoals) {
    for (const [position, t] of goal.targets.entries()) {
      const old = oldTargets.get(t.code);
      const goalId = goalIds.get(goal.code)!;
      let targetId: string;
      if (old) {
        oldTargets.delete(t.code);
        await tx.update(targets).set({ goalId, position, text: t.text }).where(eq(targets.id, old.id));
        targetId = old.id;
      } else {
        const [row] = await tx
          .insert(targets)
          .values({ planId, goalId, position, code: t.code, text: t.text })
          .returning({ id: targets.id });
        targetId = row!.id;
      }
      targetIds.set(t.code, targetId);
      const byPosition = new Map((storedMeasures.get(targetId) ?? []).map((m) => [m.position, m]));
      for (const m of t.measures) {
        const same = byPosition.get(m.position);
        if (same) {
          byPosition.delete(m.position);
          await tx.update(measures).set(m).where(eq(measures.id, same.id));
        } else measureValues.push({ ...m, targetId });
      }
      const gone = [...byPosition.values()].map((m) => m.id);
      if (gone.length > 0) await tx.delete(measures).where(inArray(measures.id, gone));
    }
  }
  if (measureValues.length > 0) await tx.insert(measures).values(measureValues);
  const goneTargets = [...oldTargets.values()].map((t) => t.id);
  if (goneTargets.length > 0) await tx.delete(targets).where(inArray(targets.id, goneTargets));
  const goneGoals = [...oldGoals.values()].map((r) => r.id);
  if (goneGoals.length > 0) await tx.delete(goals).where(inArray(goals.id, goneGoals));
  return targetIds;
}

/**
 * Everything under a plan row, one multi-row insert per table. `knownTargets` maps the codes of targets already
 * stored (a replaced plan's) to their ids, for the assignments.
 */
async function insertPlanParts(
  tx: Executor,
  planId: string,
  g: Omit<PlanGraphInsert, 'plan'>,
  knownTargets: Map<string, string> = new Map(),
): Promise<void> {
  if (g.references.length > 0) {
    await tx.insert(planReferences).values(g.references.map((r) => ({ ...r, planId })));
  }
  const targetIds = new Map(knownTargets);
  if (g.goals.length > 0) {
    const goalRows = await tx
      .insert(goals)
      .values(g.goals.map((goal, position) => ({ planId, position, code: goal.code, title: goal.title })))
      .returning({ id: goals.id, code: goals.code });
    const goalId = new Map(goalRows.map((r) => [r.code, r.id]));
    const targetValues = g.goals.flatMap((goal) =>
      goal.targets.map((t, position) => ({
        planId,
        goalId: goalId.get(goal.code)!,
        position,
        code: t.code,
        text: t.text,
      })),
    );
    if (targetValues.length > 0) {
      const targetRows = await tx
        .insert(targets)
        .values(targetValues)
        .returning({ id: targets.id, code: targets.code });
      for (const r of targetRows) targetIds.set(r.code, r.id);
    }
    const measureValues = g.goals.flatMap((goal) =>
      goal.targets.flatMap((t) => t.measures.map((m) => ({ ...m, targetId: targetIds.get(t.code)! }))),
    );
    if (measureValues.length > 0) await tx.insert(measures).values(measureValues);
  }
  if (g.tasks.length > 0) await tx.insert(tasks).values(g.tasks.map((t) => ({ ...t, planId })));
  if (g.assignments.length > 0) {
    await tx.insert(assignments).values(
      g.assignments.map((a) => ({
        planId,
        targetId: a.targetCode === null ? null : targetIds.get(a.targetCode)!,
        role: a.role,
        agencyName: a.agencyName,
        orgUnitCode: a.orgUnitCode,
        position: a.position,
      })),
    );
  }
  if (g.deadlines.length > 0)
    await tx.insert(planDeadlines).values(g.deadlines.map((d) => ({ ...d, planId })));
  if (g.duties.length > 0) await tx.insert(planDuties).values(g.duties.map((d) => ({ ...d, planId })));
}

/** Plans with this type, number and symbol (a document's identity, with its issuer checked by the caller). */
export async function findPlansNumbered(
  db: Executor,
  id: { docType: string; number: string; symbol: string },
): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.docType, id.docType), eq(plans.number, id.number), eq(plans.symbol, id.symbol)));
}

/** Sets whether a plan is public; returns the row as it was, or undefined when there is no such plan. */
export async function setPlanPublished(
  tx: Executor,
  planId: string,
  published: boolean,
): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
  if (!row) return undefined;
  await tx
    .update(plans)
    .set({ published, version: sql`${plans.version} + 1` })
    .where(eq(plans.id, planId));
  return row;
}

/** A plan row locked for an update in this transaction. */
export async function lockPlan(tx: Executor, planId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
  return row;
}

/** Changes a plan's identity (number, symbol, date) at an expected version; undefined when the version moved. */
export async function updatePlanIdentityAtVersion(
  tx: Executor,
  planId: string,
  change: Pick<PlanInsert, 'number' | 'symbol' | 'issuedOn' | 'issuedPrecision'>,
  version: number,
): Promise<PlanRow | undefined> {
  const [row] = await tx
    .update(plans)
    .set({ ...change, version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, planId), eq(plans.version, version)))
    .returning();
  return row;
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

/**
 * A plan's goals, targets (in document order: by goal, then by the target's place within its goal), measures and
 * assignments: what its progress needs of it.
 */
export async function loadPlanTargets(db: Executor, planId: string) {
  const [goalRows, targetRows, measureRows, assignmentRows] = await Promise.all([
    db.select().from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.position)),
    db.select().from(targets).where(eq(targets.planId, planId)).orderBy(asc(targets.position)),
    db
      .select({ m: measures })
      .from(measures)
      .innerJoin(targets, eq(targets.id, measures.targetId))
      .where(eq(targets.planId, planId))
      .orderBy(asc(measures.position)),
    db
      .select({ a: assignments, orgUnitName: orgUnits.name })
      .from(assignments)
      .leftJoin(orgUnits, eq(orgUnits.code, assignments.orgUnitCode))
      .where(eq(assignments.planId, planId))
      .orderBy(asc(assignments.position)),
  ]);
  const goalOrder = new Map(goalRows.map((g) => [g.id, g.position]));
  targetRows.sort((a, b) => goalOrder.get(a.goalId)! - goalOrder.get(b.goalId)! || a.position - b.position);
  return {
    goals: goalRows,
    targets: targetRows,
    measures: measureRows.map((r) => r.m),
    assignments: assignmentRows.map((r): AssignmentRow => ({ ...r.a, orgUnitName: r.orgUnitName })),
  };
}

/** The whole of a plan below its identity: references, targets with their measures, tasks, deadlines, duties. */
export async function loadPlanParts(db: Executor, planId: string) {
  const [planTargets, references, taskRows, deadlineRows, dutyRows] = await Promise.all([
    loadPlanTargets(db, planId),
    db
      .select()
      .from(planReferences)
      .where(eq(planReferences.planId, planId))
      .orderBy(asc(planReferences.position)),
    db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position)),
    db
      .select()
      .from(planDeadlines)
      .where(eq(planDeadlines.planId, planId))
      .orderBy(asc(planDeadlines.position)),
    db
      .select({ d: planDuties, orgUnitName: orgUnits.name })
      .from(planDuties)
      .leftJoin(orgUnits, eq(orgUnits.code, planDuties.orgUnitCode))
      .where(eq(planDuties.planId, planId))
      .orderBy(asc(planDuties.position)),
  ]);
  return {
    references,
    ...planTargets,
    tasks: taskRows,
    deadlines: deadlineRows,
    duties: dutyRows.map((r): DutyRow => ({ ...r.d, orgUnitName: r.orgUnitName })),
  };
}

export async function listPlanRows(db: Executor) {
  return db
    .select({
      plan: plans,
      issuerUnitName: orgUnits.name,
      goals: sql<number>`(select count(*)::int from goals g where g.plan_id = ${plans.id})`,
      targets: sql<number>`(select count(*)::int from targets t where t.plan_id = ${plans.id})`,
      measures: sql<number>`(select count(*)::int from measures m join targets t on t.id = m.target_id where t.plan_id = ${plans.id})`,
    })
    .from(plans)
    .leftJoin(orgUnits, eq(orgUnits.code, plans.issuerUnitCode))
    .orderBy(asc(plans.periodFrom), asc(plans.createdAt));
}

export async function countPlans(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(plans);
  return row?.n ?? 0;
}

/**
 * Plans linked to this one by an "implements" reference: the plans it implements (its parents) or the plans that
 * implement it (its children).
 */
async function findImplementsLinks(
  db: Executor,
  planId: string,
  side: 'parents' | 'children',
): Promise<PlanRow[]> {
  const [self, other] =
    side === 'parents'
      ? [planReferences.planId, planReferences.linkedPlanId]
      : [planReferences.linkedPlanId, planReferences.planId];
  return db
    .selectDistinct({ p: plans })
    .from(planReferences)
    .innerJoin(plans, eq(plans.id, other))
    .where(and(eq(self, planId), eq(planReferences.relation, 'implements')))
    .then((rows) => rows.map((r) => r.p));
}

/** Plans this one implements (its parents). */
export const findParentPlans = (db: Executor, planId: string) => findImplementsLinks(db, planId, 'parents');

/** Plans that implement this one (its children). */
export const findChildPlans = (db: Executor, planId: string) => findImplementsLinks(db, planId, 'children');

/** Identity of a document as another document cites it. */
export interface DocumentIdentity {
  docType: string | null;
  number: string | null;
  symbol: string | null;
  year: number | null;
}

/** A plan whose type, number and symbol (and year, when both give one) equal the citation's. */
export async function findPlanByIdentity(db: Executor, id: DocumentIdentity): Promise<string | null> {
  if (!id.number || !id.symbol || !id.docType) return null;
  const rows = await db
    .select({ id: plans.id, issuedOn: plans.issuedOn })
    .from(plans)
    .where(and(eq(plans.docType, id.docType), eq(plans.number, id.number), eq(plans.symbol, id.symbol)));
  const match = rows.find(
    (r) => id.year === null || r.issuedOn === null || Number(r.issuedOn.slice(0, 4)) === id.year,
  );
  return match?.id ?? null;
}

export async function planExists(db: Executor, id: string): Promise<boolean> {
  return (await findPlan(db, id)) !== undefined;
}

/** Links earlier plans' unresolved "implements" citations that name this plan. */
export async function linkCitationsTo(db: Executor, plan: { id: string } & DocumentIdentity): Promise<void> {
  if (!plan.number || !plan.symbol || !plan.docType) return;
  await db
    .update(planReferences)
    .set({ linkedPlanId: plan.id })
    .where(
      and(
        isNull(planReferences.linkedPlanId),
        eq(planReferences.docType, plan.docType),
        eq(planReferences.number, plan.number),
        eq(planReferences.symbol, plan.symbol),
        plan.year === null
          ? sql`true`
          : sql`(${planReferences.issuedOn} is null or extract(year from ${planReferences.issuedOn}) = ${plan.year})`,
        sql`${planReferences.planId} <> ${plan.id}`,
      ),
    );
}

/** Every assignment of one org unit across plans, with its target, goal and plan. */
export async function findAssignmentsOfOrgUnit(db: Executor, code: string) {
  return db
    .select({ assignment: assignments, target: targets, goal: goals, plan: plans })
    .from(assignments)
    .innerJoin(targets, eq(targets.id, assignments.targetId))
    .innerJoin(goals, eq(goals.id, targets.goalId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .where(eq(assignments.orgUnitCode, code))
    .orderBy(asc(plans.periodFrom), asc(plans.createdAt), asc(goals.position), asc(targets.position));
}

export async function findMeasuresOfTargets(db: Executor, targetIds: string[]): Promise<MeasureRow[]> {
  if (targetIds.length === 0) return [];
  return db
    .select()
    .from(measures)
    .where(inArray(measures.targetId, targetIds))
    .orderBy(asc(measures.position));
}

export async function findAgenciesOfProvince(db: Executor, provinceCode: string) {
  return db
    .select({ code: orgUnits.code, name: orgUnits.name, aliases: orgUnits.aliases })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, provinceCode), eq(orgUnits.kind, 'agency')));
}

export async function findCommunesOfProvince(db: Executor, provinceCode: string) {
  return db
    .select({ code: orgUnits.code, name: orgUnits.name, fullName: orgUnits.fullName })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, provinceCode), eq(orgUnits.kind, 'commune')));
}

export async function findTarget(db: Executor, id: string): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  return row;
}

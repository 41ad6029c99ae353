import type { AssignmentRow, PlanRow, loadPlanParts } from './plans.repository.js';
import {
  measureOf,
  planDateText,
  planDocumentPart,
  textPartsOf,
  type assignmentsOfOrgUnit,
} from './plans.service.js';
import type { AgencyRef, OrgUnitAssignments, PlanDetail, PlanLink, PlanSummary } from './plans.schemas.js';

type Parts = Awaited<ReturnType<typeof loadPlanParts>> & {
  indicatorCode: (m: Awaited<ReturnType<typeof loadPlanParts>>['measures'][number]) => string | null;
};

function presentPlanLink(p: PlanRow): PlanLink {
  return {
    id: p.id,
    isDemo: p.isDemo,
    type: p.docType,
    number: p.number,
    symbol: p.symbol,
    issuer: p.issuer,
    date: planDateText(p),
    title: p.title,
    period: { from: p.periodFrom, to: p.periodTo },
  };
}

export function presentPlanSummary(
  p: PlanRow,
  counts: PlanSummary['counts'],
  issuerUnitName: string | null,
): PlanSummary {
  return {
    id: p.id,
    isDemo: p.isDemo,
    document: planDocumentPart(p),
    issuerUnit: p.issuerUnitCode && issuerUnitName ? { code: p.issuerUnitCode, name: issuerUnitName } : null,
    ownerUnitCode: p.ownerUnitCode,
    published: p.published,
    version: p.version,
    counts,
  };
}

const agencyRef = (a: AssignmentRow): AgencyRef => ({
  name: a.agencyName,
  code: a.orgUnitCode,
  unitName: a.orgUnitName,
});

export function presentPlanDetail(
  p: PlanRow,
  parts: Parts,
  parents: PlanRow[],
  children: PlanRow[],
  issuerUnitName: string | null,
  formerProvince: PlanDetail['formerProvince'] = null,
): PlanDetail {
  const counts = {
    goals: parts.goals.length,
    targets: parts.targets.length,
    measures: parts.measures.length,
  };
  return {
    ...presentPlanSummary(p, counts, issuerUnitName),
    references: parts.references.map((r) => ({
      relation: r.relation,
      type: r.docType,
      number: r.number,
      symbol: r.symbol,
      date: planDateText(r),
      issuer: r.issuer,
      title: r.title,
      planId: r.linkedPlanId,
    })),
    goals: parts.goals.map((g) => ({
      id: g.id,
      code: g.code,
      title: g.title,
      targets: parts.targets
        .filter((t) => t.goalId === g.id)
        .map((t) => {
          const own = parts.assignments.filter((a) => a.targetId === t.id);
          return {
            id: t.id,
            code: t.code,
            text: t.text,
            measures: parts.measures
              .filter((m) => m.targetId === t.id)
              .map((m) => measureOf(m, parts.indicatorCode(m))),
            lead: own.filter((a) => a.role === 'lead').map(agencyRef),
            coordinate: own.filter((a) => a.role === 'coordinate').map(agencyRef),
          };
        }),
    })),
    tasks: parts.tasks.map((t) => ({
      code: t.code,
      text: t.text,
      agencies: t.agencies.map((a) => ({ name: a.name, code: a.code, unitName: null })),
    })),
    deadlines: parts.deadlines.map((d) => ({
      report: d.report,
      due: d.due,
      before: d.before,
      recurrence: d.recurrence,
      year: d.year,
      recipient: d.recipient,
      text: d.text,
    })),
    text: textPartsOf(p),
    duties: parts.duties.map((d) => ({
      code: d.code,
      agency: { name: d.agencyName, code: d.orgUnitCode, unitName: d.orgUnitName },
      heading: d.heading,
      covers: d.covers,
      paragraphs: d.paragraphs,
    })),
    responsible: parts.assignments.filter((a) => a.role === 'responsible').map(agencyRef),
    formerProvince,
    parents: parents.map(presentPlanLink),
    children: children.map(presentPlanLink),
  };
}

/** A target an org unit leads or coordinates, with its plan and goal. */
export function presentOrgUnitAssignment(
  r: Awaited<ReturnType<typeof assignmentsOfOrgUnit>>[number],
): OrgUnitAssignments['items'][number] {
  return {
    role: r.assignment.role,
    plan: presentPlanLink(r.plan),
    goal: { code: r.goal.code, title: r.goal.title },
    target: { id: r.target.id, code: r.target.code, text: r.target.text, measures: r.measures },
  };
}

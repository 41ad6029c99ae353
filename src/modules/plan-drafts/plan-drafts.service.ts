import { unitTitle } from '../../domain/issuer.js';
import { defaultSignerLines, letterheadOf, splitAuthority } from '../../domain/letterhead.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { dayAfter } from '../../domain/cycles.js';
import { formatMeasure } from '../../domain/measure.js';
import { formatPartialDateVi, fromStoredDate } from '../../domain/partial-date.js';
import { upperCase, upperFirst } from '../../domain/vietnamese.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AuditActor } from '../audit/audit.repository.js';
import { findOrgUnit, type OrgUnitRecord } from '../org-units/org-units.repository.js';
import { PLAN_FORMAT_ID, type PlanDocument } from '../plans/plan-format.js';
import {
  findChildPlans,
  findParentPlans,
  findPlan,
  loadPlanParts,
  type PlanRow,
} from '../plans/plans.repository.js';
import { importPlan, planToDocument, signerLinesOf, textPartsOf } from '../plans/plans.service.js';
import { findCycles } from '../reporting/reporting.repository.js';
import {
  citation,
  periodPhrase,
  planSubject,
  statesPeriod,
  typeTitle,
  type PlanDraftDocument,
  type PlanDraftTarget,
} from './plan-draft-document.js';
import { isUniqueViolation, linkRestatedTasks } from './plan-drafts.repository.js';

/** "05/6/2027": as Nghị định 30/2020 writes dates (a leading 0 for days below 10 and for months 1 and 2). */
const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d)}/${m < 3 ? pad(m) : m}/${y}`;
};

/** "Sở Y tế" for an agency, "UBND phường Đông Kinh" for a commune: the issuer as documents write it. */
function issuerName(unit: OrgUnitRecord): string {
  return unit.kind === 'commune' ? unitTitle(unit) : unit.name;
}

/**
 * Drafts a unit's annual plan from the plan it implements: the targets the parent assigns to the unit (with the
 * role), the parent's tasks that name it, and the deadlines of that year's reporting cycles. Stored through the
 * ordinary import (one transaction, audited) as a plan that implements the parent.
 */
export async function draftSubordinatePlan(
  deps: { db: Database; now: Clock },
  actor: AuditActor,
  parentId: string,
  input: { unit: string; year: number },
): Promise<string> {
  const parent = await findPlan(deps.db, parentId);
  if (!parent) throw notFound(`Kế hoạch ${parentId}`);
  const unit = await findOrgUnit(deps.db, input.unit);
  if (!unit) throw notFound(`Đơn vị ${input.unit}`);
  if (input.year < parent.periodFrom || input.year > parent.periodTo) {
    const message = `Năm ${input.year} nằm ngoài giai đoạn ${parent.periodFrom}–${parent.periodTo} của kế hoạch cấp trên`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.year', message }]);
  }
  // One plan per unit and year: a second draft would split the unit's tasks and figures between two plans.
  const existingDraft = async () =>
    (await findChildPlans(deps.db, parentId)).find(
      (p) => p.ownerUnitCode === unit.code && p.periodFrom === input.year && p.periodTo === input.year,
    );
  const conflict = (planId: string | undefined) => {
    const message = `${unit.name} đã có kế hoạch năm ${input.year} thực hiện kế hoạch này`;
    return new AppError('CONFLICT', message, [
      { path: '$.body.year', message, ...(planId ? { current: { planId } } : {}) },
    ]);
  };
  const existing = await existingDraft();
  if (existing) throw conflict(existing.id);
  const province = unit.parentCode ? await findOrgUnit(deps.db, unit.parentCode) : undefined;
  const parentDoc = await planToDocument(deps, parent);
  const parts = await loadPlanParts(deps.db, parentId);
  const roles = new Map<string, 'lead' | 'coordinate'>();
  for (const a of parts.assignments) {
    if (a.orgUnitCode !== unit.code || a.role === 'responsible') continue;
    const code = parts.targets.find((t) => t.id === a.targetId)!.code;
    if (a.role === 'lead' || !roles.has(code)) roles.set(code, a.role);
  }
  if (roles.size === 0 && unit.kind === 'agency') {
    const message = `${unit.name} không được giao chỉ tiêu nào trong kế hoạch này`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.unit', message }]);
  }
  const name = issuerName(unit);
  // The letterhead and the signer as the unit writes them (catalogue data: "BỘ CÔNG AN", "CHÁNH THANH TRA").
  const letterhead = letterheadOf(unit, province ?? null);
  const signerLines = defaultSignerLines(unit);
  const goals = parentDoc.goals
    .map((g) => ({ ...g, targets: g.targets.filter((t) => unit.kind === 'commune' || roles.has(t.code)) }))
    .filter((g) => g.targets.length > 0);
  const cycles = (await findCycles(deps.db, parentId)).filter((c) => c.year === input.year);
  const draft: PlanDocument = {
    format: PLAN_FORMAT_ID,
    document: {
      type: 'KH',
      number: null,
      symbol: unit.kind === 'commune' ? 'KH-UBND' : `KH-${unit.abbreviation ?? 'CQ'}`,
      issuer: name,
      parentBody: letterhead.parentBody,
      place: province?.name ?? unit.name,
      date: String(input.year),
      title: `Thực hiện công tác bình đẳng giới năm ${input.year}`,
      period: { from: input.year, to: input.year },
      signer: { authority: signerLines.join(' '), name: null, lines: signerLines },
    },
    references: [
      {
        relation: 'implements',
        type: 'KH',
        number: parent.number,
        symbol: parent.symbol,
        planId: parent.id,
        issuer: parent.issuer,
        title: parent.title,
      },
    ],
    goals,
    tasks: [
      ...(parentDoc.tasks ?? []).filter((t) => t.agencies.some((a) => a === unit.name)),
      ...goals.flatMap((g) =>
        g.targets.map((t) => ({
          code: `T.${t.code}`,
          text: `${roles.get(t.code) === 'coordinate' ? 'Phối hợp thực hiện' : 'Tổ chức thực hiện'}, theo dõi và báo cáo chỉ tiêu ${t.code}: ${t.text}`,
          agencies: [name],
        })),
      ),
    ],
    assignments: (['lead', 'coordinate'] as const)
      .map((role) => ({
        agency: name,
        role,
        targets: goals
          .flatMap((g) => g.targets.map((t) => t.code))
          .filter((c) => (roles.get(c) ?? 'lead') === role),
      }))
      .filter((a) => a.targets.length > 0),
    deadlines: cycles
      .filter(
        (c) => c.kind === '6-month' || c.kind === 'annual' || c.kind === 'mid-term' || c.kind === 'final',
      )
      // Written as documents write it: a report due on 29/11 is sent "trước ngày 30/11".
      .map((c) => ({
        report: c.kind,
        due: dayAfter(c.due),
        before: true,
        recurrence: 'once' as const,
        recipient: 'Sở Nội vụ',
      })),
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const id = await importPlan({ db: tx, now: deps.now }, draft, {
        isDemo: parent.isDemo,
        actor,
        ownerUnitCode: unit.code,
        draftedFromPlanId: parent.id,
      });
      // Tasks restated from the parent carry it out: link them so the parent shows their progress.
      await linkRestatedTasks(tx, id, parentId);
      return id;
    });
  } catch (err) {
    // A concurrent request drafted the same unit and year first: the unique index answers for the check above.
    if (isUniqueViolation(err, 'plans_one_draft_per_unit_year')) throw conflict((await existingDraft())?.id);
    throw err;
  }
}

/** The date a stored plan states, as precise as it is; none: its first year. */
function planDate(plan: PlanRow): { day: number | null; month: number | null; year: number } {
  if (!plan.issuedOn || !plan.issuedPrecision) return { day: null, month: null, year: plan.periodFrom };
  return fromStoredDate(plan.issuedOn, plan.issuedPrecision);
}

const citedDate = (r: { issuedOn: string | null; issuedPrecision: 'day' | 'month' | 'year' | null }) =>
  r.issuedOn && r.issuedPrecision ? fromStoredDate(r.issuedOn, r.issuedPrecision) : null;

/** "Kế hoạch số 158/KH-UBND ngày 06/5/2024 của UBND tỉnh về …" for each plan a plan implements. */
function implementsText(refs: Awaited<ReturnType<typeof loadPlanParts>>['references']): string[] {
  return refs
    .filter((r) => r.relation === 'implements')
    .map((r) =>
      citation({
        type: r.docType ?? 'KH',
        number: r.number,
        symbol: r.symbol,
        date: citedDate(r),
        issuer: r.issuer,
        title: r.title,
      }),
    );
}

const withoutStop = (s: string) => s.trim().replace(/[;,.]$/, '');

/**
 * The header, signer and place of a stored plan: its own words first, the issuer's catalogue letterhead next. A
 * drafted plan's parent body was written by the platform, not by a document: its letterhead is the catalogue's
 * (so a draft stored before the catalogue had letterheads prints the right one).
 */
async function documentFrame(deps: { db: Database }, plan: PlanRow) {
  const unit = plan.issuerUnitCode ? await findOrgUnit(deps.db, plan.issuerUnitCode) : undefined;
  const ownsLetterhead =
    unit !== undefined && ['province', 'commune', 'agency', 'section'].includes(unit.kind);
  const province =
    unit?.kind === 'province'
      ? unit
      : unit?.parentCode
        ? await findOrgUnit(deps.db, unit.parentCode)
        : undefined;
  const letterhead = ownsLetterhead
    ? letterheadOf(
        unit,
        province?.kind === 'province' ? province : null,
        plan.draftedFromPlanId ? null : plan.parentBody,
      )
    : { parentBody: plan.parentBody ? upperCase(plan.parentBody) : null, issuer: upperCase(plan.issuer) };
  const stored = signerLinesOf(plan);
  const authority =
    stored && stored.length > 0
      ? stored
      : plan.signerAuthority
        ? splitAuthority(plan.signerAuthority)
        : ownsLetterhead
          ? defaultSignerLines(unit)
          : [];
  return {
    unit: ownsLetterhead ? unit : undefined,
    letterhead,
    signer: { authority: authority.map((l) => upperCase(l)), name: plan.signerName ?? '' },
    place: plan.place ?? (province?.kind === 'province' ? province.name : (unit?.name ?? '')),
  };
}

/**
 * The DOCX input of any stored plan: a drafted plan in the words of an agency's or commune's annual plan, any
 * other plan as its own document states it (type, number, date, period, legal bases, text parts, signer lines).
 */
export async function planDraftDocument(deps: { db: Database }, plan: PlanRow): Promise<PlanDraftDocument> {
  return plan.draftedFromPlanId ? draftedPlanDocument(deps, plan) : storedPlanDocument(deps, plan);
}

const measureText = (m: Awaited<ReturnType<typeof loadPlanParts>>['measures'][number]) => {
  const text = formatMeasure(
    {
      value: Number(m.value),
      unit: m.unit as never,
      comparator: m.comparator as never,
      year: m.year,
      baseline: null,
      per: m.per as never,
    },
    'vi',
  );
  return m.label ? `${m.label}: ${text}` : text;
};

/** The KẾ HOẠCH document of a drafted plan, worded as a Sở or commune writes it. */
async function draftedPlanDocument(deps: { db: Database }, plan: PlanRow): Promise<PlanDraftDocument> {
  const parts = await loadPlanParts(deps.db, plan.id);
  const [parent] = await findParentPlans(deps.db, plan.id);
  const frame = await documentFrame(deps, plan);
  const parentRef = parent
    ? `Kế hoạch số ${parent.number ?? '…'}/${parent.symbol ?? 'KH-UBND'}${
        parent.issuedOn && parent.issuedPrecision
          ? ` ${formatPartialDateVi(fromStoredDate(parent.issuedOn, parent.issuedPrecision))}`
          : ''
      } của ${parent.issuer} về ${parent.title.replace(/^Thực hiện /u, 'thực hiện ')}`
    : 'các văn bản chỉ đạo của cấp trên';
  const period = { from: plan.periodFrom, to: plan.periodTo };
  const deadlines = parts.deadlines.flatMap((d) =>
    d.due === null
      ? []
      : [
          `${d.report === '6-month' ? 'báo cáo 6 tháng' : d.report === 'annual' ? 'báo cáo năm' : `báo cáo ${d.report}`} ${d.before ? 'trước ngày' : 'chậm nhất ngày'} ${dmy(d.due)}`,
        ],
  );
  const planWords = `Kế hoạch ${planSubject(plan.title)}${statesPeriod(plan.title, period) ? '' : ` ${periodPhrase(period)}`}`;
  return {
    type: 'KH',
    parentBody: frame.letterhead.parentBody,
    issuer: frame.letterhead.issuer,
    number: plan.number,
    symbol: plan.symbol ?? 'KH',
    place: frame.place,
    date: planDate(plan),
    title: plan.title,
    legalBases: [],
    preamble: `Thực hiện ${parentRef}; ${plan.issuer} ban hành ${planWords} như sau:`,
    addressees: [],
    isDemo: plan.isDemo,
    purposes: [
      'Triển khai có hiệu quả các mục tiêu, chỉ tiêu về bình đẳng giới được giao tại Kế hoạch của tỉnh, phù hợp với chức năng, nhiệm vụ của đơn vị.',
      'Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người lao động trong thực hiện bình đẳng giới.',
    ],
    requirements: [
      'Bám sát mục tiêu, chỉ tiêu, nhiệm vụ được giao; phân công rõ trách nhiệm, thời gian thực hiện.',
      'Thu thập số liệu tách biệt theo giới tính đầy đủ, chính xác, báo cáo đúng hạn.',
    ],
    targets: parts.targets.map((t, i) => ({
      code: String(i + 1),
      parentCode: t.code,
      role:
        parts.assignments.some((a) => a.targetId === t.id && a.role === 'coordinate') &&
        !parts.assignments.some((a) => a.targetId === t.id && a.role === 'lead')
          ? 'coordinate'
          : 'lead',
      text: t.text,
      measures: parts.measures.filter((m) => m.targetId === t.id).map(measureText),
    })),
    tasks: parts.tasks.map((t, i) => ({
      code: String(i + 1),
      text: t.text.replace(/^.*?: /u, (m) => (t.code?.startsWith('T.') ? '' : m)),
      parentCode: t.code?.startsWith('T.') ? t.code.slice(2) : (t.code ?? null),
      due: 'Trong năm',
    })),
    funding:
      'Kinh phí thực hiện Kế hoạch được bảo đảm từ dự toán ngân sách được giao hằng năm của đơn vị và các nguồn hợp pháp khác.',
    organisation: [
      `Các phòng, đơn vị thuộc ${plan.issuer} căn cứ Kế hoạch này tổ chức thực hiện, theo dõi số liệu tách biệt theo giới tính của các chỉ tiêu được giao.`,
      deadlines.length > 0
        ? `Chế độ báo cáo: gửi Sở Nội vụ ${deadlines.join('; ')}, qua hệ thống Bình Đẳng.`
        : 'Chế độ báo cáo: gửi Sở Nội vụ theo hướng dẫn, qua hệ thống Bình Đẳng.',
    ],
    signer: frame.signer,
    recipients: ['Sở Nội vụ (để báo cáo);', 'Lãnh đạo đơn vị;', 'Các phòng, đơn vị trực thuộc;', 'Lưu: VT.'],
  };
}

/** "III.1" → "1": a task numbered within its section. */
const localCode = (code: string | null, i: number) => code?.replace(/^[IVXLC]+\./u, '') || String(i + 1);

/**
 * A stored plan as its document states it: its type (a công văn and a quyết định are laid out as such), number,
 * date, period, legal bases ("Căn cứ …"), the plans it implements ("Thực hiện …"), its text parts, goals and
 * targets as written, tasks, duties of "Tổ chức thực hiện", closing, recipients and signer lines.
 */
async function storedPlanDocument(deps: { db: Database }, plan: PlanRow): Promise<PlanDraftDocument> {
  const parts = await loadPlanParts(deps.db, plan.id);
  const frame = await documentFrame(deps, plan);
  const text = textPartsOf(plan);
  const period = { from: plan.periodFrom, to: plan.periodTo };
  const legalBases = parts.references
    .filter((r) => r.relation === 'legal-basis')
    .map((r) =>
      citation({
        type: r.docType,
        number: r.number,
        symbol: r.symbol,
        date: citedDate(r),
        issuer: r.issuer,
        title: r.title,
      }),
    );
  const implemented = implementsText(parts.references);
  const type = plan.docType;
  const word =
    type === 'CV' ? 'Công văn' : upperFirst(typeTitle(type === 'QD' ? 'KH' : type).toLocaleLowerCase('vi'));
  const planTitle = planSubject(plan.title, type === 'QD' || type === 'CV' ? 'Kế hoạch' : word);
  const planWords = `${word} ${planTitle}${statesPeriod(plan.title, period) ? '' : ` ${periodPhrase(period)}`}`;
  const opening = implemented.length > 0 ? `Thực hiện ${implemented.join('; ')}; ` : '';
  const preamble =
    type === 'CV'
      ? `${opening}${plan.issuer} đề nghị ${text.addressees && text.addressees.length === 1 ? withoutStop(text.addressees[0]!) : 'các cơ quan, đơn vị'} triển khai thực hiện một số nội dung sau:`
      : type === 'QD'
        ? ''
        : `${opening}${plan.issuer} ban hành ${planWords} như sau:`;

  let goalSeen = '';
  const targets: PlanDraftTarget[] = parts.targets.map((t) => {
    const goal = parts.goals.find((g) => g.id === t.goalId);
    const first = goal !== undefined && goal.id !== goalSeen;
    if (goal) goalSeen = goal.id;
    return {
      code: t.code.replace(/^[^.]*\./u, '') || t.code,
      parentCode: null,
      role: null,
      ...(first ? { goal: `Mục tiêu ${goal.code}: ${goal.title}` } : {}),
      text: t.text,
      measures: [],
    };
  });
  const organisation = [
    ...parts.duties.flatMap((d, i) => {
      const head = `${d.code?.replace(/^[IVXLC]+\./u, '') || String(i + 1)}. ${d.heading ?? d.agencyName}`;
      return [head, ...d.paragraphs];
    }),
    ...parts.deadlines.flatMap((d) => (d.text ? [d.text] : [])),
  ];
  const recipients = text.recipients ?? ['Như trên;', 'Lưu: VT.'];
  const issuedBy =
    frame.unit?.kind === 'province' || frame.unit?.kind === 'commune'
      ? upperFirst(unitTitle(frame.unit))
      : plan.issuer;
  return {
    type,
    parentBody: frame.letterhead.parentBody,
    issuer: frame.letterhead.issuer,
    number: plan.number,
    symbol: plan.symbol ?? (type === 'CV' ? '' : type),
    place: frame.place,
    date: planDate(plan),
    title: plan.title,
    legalBases,
    preamble,
    addressees: text.addressees ?? [],
    isDemo: plan.isDemo,
    purposes: text.purpose ?? [],
    requirements: text.requirements ?? [],
    targetsHeading: 'II. MỤC TIÊU',
    ...(text.generalGoal && text.generalGoal.length > 0 ? { generalGoal: text.generalGoal } : {}),
    targets,
    tasks: parts.tasks.map((t, i) => ({
      code: localCode(t.code, i),
      text: t.text,
      parentCode: null,
      due: null,
    })),
    funding: (text.budget?.paragraphs ?? []).join('\n'),
    organisation,
    ...(text.closing && text.closing.length > 0 ? { closing: text.closing.join('\n') } : {}),
    signer: frame.signer,
    recipients:
      type === 'CV' && !/^như trên\b/iu.test(recipients[0]?.trim() ?? '')
        ? ['Như trên;', ...recipients]
        : recipients,
    ...(type === 'QD'
      ? {
          decision: {
            authority:
              frame.unit?.kind === 'agency'
                ? upperCase(`${frame.unit.signerTitle ?? 'Giám đốc'} ${frame.unit.name}`)
                : frame.letterhead.issuer,
            issuedBy,
            articles: [
              `Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ${planTitle}${statesPeriod(plan.title, period) ? '' : ` ${periodPhrase(period)}`}.`,
              'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
              'Điều 3. Thủ trưởng các cơ quan, đơn vị và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
            ],
          },
        }
      : {}),
  };
}

import crypto from 'node:crypto';
import { nodeFileWriter, writeFileAtomically, type FileWriter } from '../../core/file-store.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Database, Executor } from '../../db/connection.js';
import { formatMeasure, formatQuantity } from '../../domain/measure.js';
import { parsePeriod, periodLabel, periodWords } from '../../domain/period.js';
import type { SeriesPoint } from '../../domain/rollup.js';
import { STATUS_LABEL } from '../../domain/progress-explain.js';
import { dataSentences } from './report-sentences.js';
import { planSubject } from '../../domain/plan-words.js';
import { formatPartialDateVi, fromStoredDate } from '../../domain/partial-date.js';
import { defaultSignerLines, letterheadOf } from '../../domain/letterhead.js';
import { upperFirst } from '../../domain/vietnamese.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { rulesOf } from '../indicators/indicators.repository.js';
import { findOrgUnit, type OrgUnitRecord } from '../org-units/org-units.repository.js';
import { findPlan } from '../plans/plans.repository.js';
import { planProgress, type MeasureProgress } from '../progress/progress.service.js';
import { findCycle, findDefinitions, type CycleRow } from '../reporting/reporting.repository.js';
import { completeness } from '../reporting/reporting.service.js';
import type { ReportDocument, ReportMeasure } from './report-document.js';
import {
  findDraft,
  insertFirstDraft,
  insertOrUpdateDraft,
  updateDraft,
  type DraftRow,
} from './reports.repository.js';

export interface ReportDeps {
  db: Database;
  now: () => Date;
  /** Where signed PDFs are kept, outside the database rows. */
  filesDir: string;
  /** File-system calls of the upload (tests inject a full disk). */
  fileWriter?: FileWriter;
}

/**
 * The header lines of a unit's documents (Nghị định 30/2020: parent body, then the issuer in capitals), from the
 * unit's letterhead in the catalogue: "BỘ CÔNG AN" / "CÔNG AN TỈNH LẠNG SƠN", "UBND TỈNH LẠNG SƠN" / "SỞ Y TẾ".
 */
function headerOf(unit: OrgUnitRecord, province: OrgUnitRecord | undefined) {
  // A province or a commune reports as its people's committee (UBND), under no parent body.
  const lines = letterheadOf(unit, province ?? null);
  if (unit.kind === 'province' || unit.kind === 'commune') {
    return { ...lines, symbol: 'BC-UBND', place: unit.name };
  }
  return { ...lines, symbol: `BC-${unit.abbreviation ?? 'CQ'}`, place: province?.name ?? unit.name };
}

/** Nơi nhận by default; the addressee of "Kính gửi" is "Như trên" (Nghị định 30/2020, Phụ lục I). */
const DEFAULT_RECIPIENTS: Record<string, string[]> = {
  province: [
    'Thường trực Tỉnh ủy;',
    'Thường trực HĐND tỉnh;',
    'Chủ tịch, các PCT UBND tỉnh;',
    'Sở Nội vụ;',
    'Lưu: VT, KGVX.',
  ],
  other: ['Lãnh đạo đơn vị;', 'Lưu: VT.'],
};

/** A report with "Kính gửi" names its addressee first in Nơi nhận as "Như trên". */
function withAsAbove(recipients: string[]): string[] {
  return /^như trên\b/iu.test(recipients[0]?.trim() ?? '') ? recipients : ['Như trên;', ...recipients];
}

/** The signer lines nobody has written yet: the committee's forms, or the head's title ("CHÁNH THANH TRA"). */
const DEFAULT_AUTHORITY = (unit: OrgUnitRecord): string[] => defaultSignerLines(unit);

/** The parts of a unit's report for a cycle that it has written so far (undefined before its first save). */
export async function draftOf(
  deps: ReportDeps,
  cycleId: string,
  unit: string,
): Promise<DraftRow | undefined> {
  return findDraft(deps.db, cycleId, unit);
}

async function requireCycleAndUnit(db: Database, cycleId: string, unitCode: string) {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound(`Kỳ báo cáo ${cycleId}`);
  const unit = await findOrgUnit(db, unitCode);
  if (!unit) throw notFound(`Đơn vị ${unitCode}`);
  return { cycle, unit };
}

/** Saves the parts of a report the unit writes itself (activities, difficulties, proposals, signer). */
export async function saveDraft(
  deps: ReportDeps,
  actor: AuditActor,
  cycleId: string,
  unitCode: string,
  input: Pick<
    DraftRow,
    'activities' | 'difficulties' | 'proposals' | 'signerAuthority' | 'signerName' | 'recipients'
  > & { version: number },
): Promise<DraftRow> {
  await requireCycleAndUnit(deps.db, cycleId, unitCode);
  return deps.db.transaction(async (tx) => {
    // Locked: the version checked here stays the stored one until this transaction writes.
    const existing = await findDraft(tx, cycleId, unitCode, { lock: true });
    const { version, ...fields } = input;
    const expected = existing?.version ?? 0;
    if (version !== expected) {
      throw new AppError('CONFLICT', 'Báo cáo đã được người khác sửa: tải lại để xem bản mới', [
        {
          path: '$.body.version',
          message: `Phiên bản hiện tại ${expected}`,
          current: existing ? { ...existing } : {},
        },
      ]);
    }
    const row = existing
      ? await updateDraft(tx, cycleId, unitCode, fields)
      : // Nothing to lock yet: of two first drafts, the one inserted second finds the row there and conflicts.
        await insertFirstDraft(tx, cycleId, unitCode, fields);
    if (!row) {
      throw new AppError('CONFLICT', 'Báo cáo đã được người khác sửa: tải lại để xem bản mới', [
        { path: '$.body.version', message: 'Phiên bản hiện tại 1', current: { version: 1 } },
      ]);
    }
    await recordReportAudit(tx, actor, deps.now(), {
      action: 'report.draft',
      cycleId,
      unitCode,
      before: existing
        ? {
            activities: existing.activities,
            difficulties: existing.difficulties,
            proposals: existing.proposals,
          }
        : null,
      after: fields,
    });
    return row;
  });
}

/** The audit row of a change to a unit's report for a cycle (the report is named "<cycle id>|<unit code>"). */
function recordReportAudit(
  tx: Executor,
  actor: AuditActor,
  at: Date,
  change: {
    action: 'report.draft' | 'report.signed';
    cycleId: string;
    unitCode: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  const { action, cycleId, unitCode, before, after } = change;
  return recordAudit(
    tx,
    actor,
    { action, entity: 'report', entityId: `${cycleId}|${unitCode}`, orgUnitCode: unitCode, before, after },
    at,
  );
}

/** Where a figure comes from, in the words of the appendix. */
function sourceOf(p: SeriesPoint): string {
  if (p.fromRecords) return 'Tính từ sổ theo dõi, nhật ký hoạt động';
  return p.origin === 'entered' ? 'Nhập trực tiếp' : `Tổng hợp từ ${p.contributors} đơn vị`;
}

function measureRow(m: MeasureProgress): ReportMeasure {
  const latest = m.latest;
  const point = (sex: string) =>
    latest ? m.series.find((s) => s.period === latest.period && s.sex === sex) : undefined;
  const bySex = (sex: string) => {
    const p = point(sex);
    return p ? formatQuantity(Math.round(p.value * 100) / 100, m.measure.unit, 'vi') : null;
  };
  const rules = m.indicator ? rulesOf(m.indicator) : null;
  const period = latest ? parsePeriod(latest.period) : null;
  return {
    label: m.measure.label ?? null,
    target: formatMeasure({ ...m.measure, baseline: null }, 'vi'),
    baseline: m.measure.baseline
      ? `${formatQuantity(m.measure.baseline.value, m.measure.unit, 'vi')}${m.measure.baseline.year ? ` (năm ${m.measure.baseline.year})` : ''}`
      : m.result?.base
        ? `${formatQuantity(Math.round(m.result.base.value * 100) / 100, m.measure.unit, 'vi')} (${periodWords(m.result.base.period ?? String(m.result.base.t), 'vi')})`
        : null,
    latest: {
      period: period ? periodLabel(period, 'vi') : null,
      female: bySex('female'),
      male: bySex('male'),
      total: bySex('total'),
    },
    status: STATUS_LABEL.vi[m.status],
    statusKey: m.status,
    explanation: m.explanation.vi,
    figures: {
      unit: m.measure.unit,
      female: point('female')?.value ?? null,
      male: point('male')?.value ?? null,
      total: latest?.value ?? null,
      numerator: latest?.numerator ?? null,
      denominator: latest?.denominator ?? null,
      bySex: rules?.disaggregations.includes('sex') ?? false,
      hasParts: rules?.hasParts ?? false,
      coverage: latest?.coverage ? { reported: latest.coverage.reported, owed: latest.coverage.owed } : null,
      source: latest ? sourceOf(latest) : null,
    },
  };
}

/**
 * Everything a unit's report for a cycle says, from current accepted data: the province report rolls up its
 * agencies and communes; an agency reports the targets it leads or coordinates; a commune its own figures.
 */
export async function buildReportDocument(
  deps: ReportDeps,
  cycleId: string,
  unitCode: string,
): Promise<{ doc: ReportDocument; cycle: CycleRow; unit: OrgUnitRecord }> {
  const { cycle, unit } = await requireCycleAndUnit(deps.db, cycleId, unitCode);
  const plan = (await findPlan(deps.db, cycle.planId))!;
  const province =
    unit.kind === 'province'
      ? unit
      : unit.parentCode
        ? await findOrgUnit(deps.db, unit.parentCode)
        : undefined;
  // The route has checked that the caller may read the unit; its report is read whether the plan is published or not.
  const progress = await planProgress(
    {
      db: deps.db,
      year: cycle.year,
      planAccessChecked: true,
      ...(unit.kind === 'commune' ? { scopeCode: unit.code } : {}),
    },
    plan.id,
    null,
  );
  const assigned = (t: (typeof progress.targets)[number]) =>
    [...t.lead, ...t.coordinate].some((a) => a.orgUnitCode === unit.code);
  // An agency reports the targets assigned to it; a commune those it is assigned or whose figures communes report.
  const targets =
    unit.kind === 'agency'
      ? progress.targets.filter(assigned)
      : unit.kind === 'commune'
        ? progress.targets.filter(
            (t) => assigned(t) || t.measures.some((m) => m.indicator?.unitKinds.includes('commune')),
          )
        : progress.targets;
  const goals = new Map<string, ReportDocument['goals'][number]>();
  for (const t of targets) {
    const goal = goals.get(t.goal.code) ?? { code: t.goal.code, title: t.goal.title, targets: [] };
    goal.targets.push({
      code: t.target.code,
      text: t.target.text,
      measures: t.measures.map(measureRow),
      lead: t.lead.map((a) => a.orgUnitName ?? a.agencyName),
    });
    goals.set(t.goal.code, goal);
  }

  const submissions =
    unit.kind === 'province'
      ? await completeness(deps, cycle.id).then(({ units }) => ({
          owed: units.length,
          notSubmitted: units
            .filter((u) => u.state === 'not_submitted')
            .map((u) => ({ name: u.title, daysLate: u.daysLate })),
          due: cycle.due,
        }))
      : null;
  const lateOrMissing = dataSentences({
    year: cycle.year,
    submissions,
    measures: targets.flatMap((t) =>
      t.measures.map((m) => ({
        target: t.target.code,
        latestPeriod: m.latest?.period ?? null,
        partial: m.partial ? { period: m.partial.period, coverage: m.partial.coverage } : null,
      })),
    ),
  });

  const draft = await findDraft(deps.db, cycle.id, unit.code);
  const definition = (await findDefinitions(deps.db, plan.id)).find((d) => d.id === cycle.definitionId);
  const header = headerOf(unit, province);
  const now = deps.now();
  const planRef = `Kế hoạch${plan.number ? ` số ${plan.number}/${plan.symbol ?? ''}` : ` ${plan.symbol ? `…/${plan.symbol}` : ''}`}${
    plan.issuedOn && plan.issuedPrecision
      ? ` ${formatPartialDateVi(fromStoredDate(plan.issuedOn, plan.issuedPrecision))}`
      : ''
  } của ${plan.issuer}`;
  const periodText = cycle.kind === '6-month' ? `6 tháng đầu năm ${cycle.year}` : `năm ${cycle.year}`;
  const titleBase =
    definition?.title.replace(/\s*(6 tháng đầu năm|năm)$/u, '') ??
    'Báo cáo kết quả thực hiện công tác bình đẳng giới';
  const doc: ReportDocument = {
    ...header,
    number: null,
    date: { day: null, month: now.getUTCMonth() + 1, year: now.getUTCFullYear() },
    title: `${upperFirst(titleBase.replace(/^Báo cáo /u, ''))} ${periodText}`,
    recipientLine:
      unit.kind === 'province'
        ? 'Kính gửi: Bộ Nội vụ'
        : `Kính gửi: Sở Nội vụ${province ? ` tỉnh ${province.name}` : ''}`,
    intro: `Thực hiện ${planRef} về ${planSubject(plan.title)}, ${unit.kind === 'province' ? `Ủy ban nhân dân ${unit.fullName.toLowerCase().startsWith('tỉnh') ? unit.fullName.replace(/^Tỉnh/u, 'tỉnh') : unit.fullName}` : unit.fullName} báo cáo kết quả thực hiện công tác bình đẳng giới ${periodText} như sau:`,
    isDemo: plan.isDemo,
    goals: [...goals.values()],
    lateOrMissing,
    activities: draft?.activities || '(Đơn vị bổ sung các hoạt động đã triển khai trong kỳ.)',
    difficulties: draft?.difficulties || '(Đơn vị bổ sung khó khăn, vướng mắc.)',
    proposals: draft?.proposals || '(Đơn vị bổ sung đề xuất, kiến nghị.)',
    signer: {
      authority: draft?.signerAuthority
        ? draft.signerAuthority
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        : DEFAULT_AUTHORITY(unit),
      name: draft?.signerName ?? '',
    },
    recipients: withAsAbove(
      draft && draft.recipients.length > 0
        ? draft.recipients
        : DEFAULT_RECIPIENTS[unit.kind === 'province' ? 'province' : 'other']!,
    ),
    // The report's period once: a plan titled "… năm 2024" reports "năm 2024" without saying it twice.
    appendixTitle: `Phụ lục: Kết quả thực hiện các chỉ tiêu của Kế hoạch ${planSubject(plan.title)}${
      plan.title.includes(periodText) ? '' : ` ${periodText}`
    }`,
  };
  return { doc, cycle, unit };
}

const PDF_LIMIT = 20 * 1024 * 1024;

/**
 * Keeps the signed PDF that came back from the clerical office: checked (a PDF, within the size limit), written
 * to a file first and recorded after, so a failure leaves neither a row without a file nor a half file.
 */
export async function attachSignedPdf(
  deps: ReportDeps,
  actor: AuditActor,
  cycleId: string,
  unitCode: string,
  bytes: Buffer,
): Promise<DraftRow> {
  await requireCycleAndUnit(deps.db, cycleId, unitCode);
  if (bytes.length === 0 || bytes.length > PDF_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `Tệp PDF phải từ 1 byte đến ${PDF_LIMIT / 1024 / 1024} MB`, [
      { path: '$.body', message: 'Kích thước tệp không hợp lệ' },
    ]);
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new AppError('VALIDATION_FAILED', 'Chỉ nhận tệp PDF (bản đã ký)', [
      { path: '$.body', message: 'Tệp không phải PDF' },
    ]);
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const name = `${cycleId}-${unitCode}-${sha256.slice(0, 16)}.pdf`;
  const finalPath = path.join(deps.filesDir, name);
  await writeFileAtomically(deps.fileWriter ?? nodeFileWriter, finalPath, bytes, 'bản PDF đã ký');
  try {
    return await deps.db.transaction(async (tx) => {
      const existing = await findDraft(tx, cycleId, unitCode, { lock: true });
      const set = { signedFile: name, signedSize: bytes.length, signedSha256: sha256, sentAt: deps.now() };
      const row = existing
        ? await updateDraft(tx, cycleId, unitCode, set)
        : await insertOrUpdateDraft(tx, cycleId, unitCode, set);
      await recordReportAudit(tx, actor, set.sentAt, {
        action: 'report.signed',
        cycleId,
        unitCode,
        before: existing?.signedFile ? { file: existing.signedFile, sha256: existing.signedSha256 } : null,
        after: { file: name, size: bytes.length, sha256 },
      });
      return row!;
    });
  } catch (err) {
    fs.rmSync(finalPath, { force: true });
    throw err;
  }
}

/** Where the signed PDF of a unit's report for a cycle is kept; 404 when there is none (or its file is gone). */
export async function signedPdfFile(deps: ReportDeps, cycleId: string, unit: string): Promise<string> {
  const draft = await findDraft(deps.db, cycleId, unit);
  const file = draft?.signedFile ? path.join(deps.filesDir, draft.signedFile) : null;
  if (!file || !fs.existsSync(file)) throw notFound('Bản PDF đã ký');
  return file;
}

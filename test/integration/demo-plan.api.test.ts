import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportedPlan } from '../support/factories/plans.js';
import { validatePlanSchema } from '../support/plan-schema.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The demo is the subject: Lạng Sơn's 2026–2030 plan (seed 004) as transcribed by hand must say what the document
 * says, its agencies must be the province's, and it must come out as the published format.
 */

const ctx = useTestApp({ demo: true }, async (app) => ({
  coordinator: await app.signIn('coordinator', '20'),
}));

/** Seed 004 as a reader of the document states it: code → [value, unit, comparator, year, per]. */
const SEED_004_MEASURES: Record<string, [number, string, string, number, string | null][]> = {
  '1.1': [[75, '%', '>=', 2030, null]],
  '2.1': [[60, '%', '>', 2030, null]],
  '2.2': [[25, '%', '<', 2030, null]],
  '2.3': [[30, '%', '>=', 2030, null]],
  '3.1': [[1.4, 'times', '<=', 2030, null]],
  '3.2': [
    [90, '%', '>=', 2030, null],
    [70, '%', '>=', 2030, null],
  ],
  '3.3': [[100, '%', '=', 2030, null]],
  '3.4': [[100, '%', '>=', 2030, null]],
  '4.1': [[109, 'per100', '<=', 2030, null]],
  '4.2': [[42, 'per100000', '<=', 2030, null]],
  '4.3': [[18, 'per1000', '<', 2030, null]],
  '4.4': [[1, 'milestone', '=', 2030, null]],
  '5.1': [[1, 'milestone', '=', 2030, null]],
  '5.2': [
    [99, '%', '>', 2030, null],
    [90, '%', '>=', 2030, null],
  ],
  '5.3': [[40, '%', '>=', 2030, null]],
  '5.4': [
    [50, '%', '>=', 2030, null],
    [35, '%', '>=', 2030, null],
  ],
  '6.1': [[80, '%', '>=', 2030, null]],
  '6.2': [[100, '%', '>=', 2030, null]],
  '6.3': [[4, 'count', '>=', 2030, 'quarter']],
  '6.4': [[100, '%', '=', 2030, null]],
};

/** The agencies section VI gives duties without a target (they owe reports all the same, VI.14). */
const SEED_004_DUTIES_ONLY = [
  'Thanh tra tỉnh',
  'Sở Dân tộc và Tôn giáo',
  'Sở Khoa học và Công nghệ',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Liên đoàn Lao động tỉnh',
  'Đoàn thanh niên Cộng sản Hồ Chí Minh tỉnh',
];

/** The text of seed 004 (the public document the demo transcribes), kept beside the tests. */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../support/fixtures');

const SEED_004_LEAD: Record<string, string> = {
  '1.1': 'Sở Nội vụ',
  '2.1': 'Sở Nội vụ',
  '2.2': 'Thống kê tỉnh',
  '2.3': 'Sở Tài chính',
  '3.1': 'Thống kê tỉnh',
  '3.2': 'Sở Văn hóa, Thể thao và Du lịch',
  '3.3': 'Sở Y tế',
  '3.4': 'Sở Y tế',
  '4.1': 'Sở Y tế',
  '4.2': 'Sở Y tế',
  '4.3': 'Sở Y tế',
  '4.4': 'Sở Y tế',
  '5.1': 'Sở Giáo dục và Đào tạo',
  '5.2': 'Sở Giáo dục và Đào tạo',
  '5.3': 'Sở Giáo dục và Đào tạo',
  '5.4': 'Sở Nội vụ',
  '6.1': 'Sở Nội vụ',
  '6.2': 'Sở Nội vụ',
  '6.3': 'Sở Văn hóa, Thể thao và Du lịch',
  '6.4': 'Sở Văn hóa, Thể thao và Du lịch',
};

describe('demo plan (seed 004, Lạng Sơn 2026–2030)', () => {
  it('is listed with its identity, demo flag and counts', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/plans' });
    expect(res.statusCode).toBe(200);
    const demo = res
      .json<{ items: { id: string; isDemo: boolean; counts: object }[] }>()
      .items.find((p) => p.id === ctx.demoPlanId);
    expect(demo).toMatchObject({ isDemo: true, counts: { goals: 6, targets: 20, measures: 23 } });
  });

  it('exports 6 goals, 20 targets and 23 measures that match the document', async () => {
    const doc = await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator);
    expect(doc.format).toBe('binhdang.plan/1');
    expect(doc.document.number).toBeNull();
    expect(doc.document.symbol).toBe('KH-UBND');
    expect(doc.document.date).toBe('2026-04');
    expect(doc.goals.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    const targets = doc.goals.flatMap((g) => g.targets);
    expect(targets).toHaveLength(20);
    expect(targets.flatMap((t) => t.measures)).toHaveLength(23);
    for (const t of targets) {
      const expected = SEED_004_MEASURES[t.code];
      expect(expected, `target ${t.code}`).toBeDefined();
      expect(
        t.measures.map((m) => [m.value, m.unit, m.comparator, m.year, m.per]),
        `target ${t.code}`,
      ).toEqual(expected);
    }
    const t43 = targets.find((t) => t.code === '4.3')!;
    expect(t43.measures[0]!.baseline).toEqual({ value: 18, year: null });
  });

  it('gives each of the 20 targets the lead agency of section VI, and lists coordinators of 2.3, 3.2, 5.4', async () => {
    const doc = await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator);
    const leads = new Map<string, string[]>();
    const coordinators = new Map<string, string[]>();
    for (const a of doc.assignments) {
      for (const code of a.targets) {
        const map = a.role === 'lead' ? leads : coordinators;
        map.set(code, [...(map.get(code) ?? []), a.agency]);
      }
    }
    for (const [code, agency] of Object.entries(SEED_004_LEAD))
      expect(leads.get(code), code).toEqual([agency]);
    expect(coordinators.get('2.3')?.sort()).toEqual(['Hội Liên hiệp Phụ nữ tỉnh', 'Thống kê tỉnh']);
    expect(coordinators.get('3.2')?.sort()).toEqual(['Công an tỉnh', 'Sở Tư pháp', 'Sở Y tế']);
    expect(coordinators.get('5.4')).toEqual(['Thống kê tỉnh']);
  });

  it('resolves every assignment to one of Lạng Sơn’s agencies', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}` });
    expect(res.statusCode).toBe(200);
    const plan = res.json<{
      isDemo: boolean;
      issuerUnit: { code: string };
      goals: {
        targets: { code: string; lead: { code: string | null }[]; coordinate: { code: string | null }[] }[];
      }[];
    }>();
    expect(plan.isDemo).toBe(true);
    expect(plan.issuerUnit.code).toBe('20');
    const all = plan.goals.flatMap((g) => g.targets).flatMap((t) => [...t.lead, ...t.coordinate]);
    expect(all.length).toBeGreaterThan(20);
    for (const a of all) expect(a.code).toMatch(/^20-[A-Z]+$/);
    const t11 = plan.goals.flatMap((g) => g.targets).find((t) => t.code === '1.1')!;
    expect(t11.lead.map((a) => a.code)).toEqual(['20-SNV']);
  });

  it('exports a document valid against the published JSON Schema, and every export is', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: '/api/plans', headers: ctx.coordinator });
    const ids = list.json<{ items: { id: string }[] }>().items.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const doc = await exportedPlan(ctx, id, ctx.coordinator);
      expect(validatePlanSchema(doc), JSON.stringify(validatePlanSchema.errors)).toBe(true);
    }
  });
});

/** Seed 004's text as the demo transcribes it: paragraphs joined across page breaks, bold marks dropped. */
const SEED_004_TEXT = fs
  .readFileSync(path.join(FIXTURES, 'seed-004-lang-son-2026-2030.txt'), 'utf8')
  .replaceAll('**', '')
  .replace(/\s+/gu, ' ');

describe('the whole document of seed 004', () => {
  it('exports sections I, II.1, V, every duty of VI and Nơi nhận verbatim, and the signer as the document prints it', async () => {
    const doc = await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator);
    const text = doc.text!;
    const verbatim = (paragraph: string, where: string) =>
      expect(SEED_004_TEXT.includes(paragraph), `${where}: ${paragraph.slice(0, 60)}`).toBe(true);
    expect(text.purpose).toHaveLength(2);
    expect(text.requirements).toHaveLength(3);
    expect(text.generalGoal).toEqual([
      'Tiếp tục thu hẹp khoảng cách giới, tạo điều kiện và cơ hội để phụ nữ và nam giới tham gia, thụ hưởng bình đẳng trong các lĩnh vực của đời sống xã hội, góp phần vào sự phát triển bền vững của tỉnh.',
    ]);
    expect(text.budget!.paragraphs).toHaveLength(3);
    for (const [part, paragraphs] of [
      ['I.1', text.purpose!],
      ['I.2', text.requirements!],
      ['II.1', text.generalGoal!],
      ['V', text.budget!.paragraphs],
      ['closing', text.closing!],
    ] as const)
      for (const p of paragraphs) verbatim(p, part);

    const duties = doc.duties!;
    expect(duties.map((d) => d.code)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `VI.${i + 1}`),
      'VI.13',
      'VI.13',
      'VI.13',
      'VI.13',
      'VI.14',
      'VI.15',
    ]);
    for (const d of duties) {
      expect(d.paragraphs.length, d.agency).toBeGreaterThan(0);
      for (const p of d.paragraphs) verbatim(p, d.code ?? d.agency);
    }
    expect(duties.find((d) => d.code === 'VI.14')).toMatchObject({
      agency: 'Các sở, ban, ngành khác thuộc tỉnh',
      covers: 'agencies',
    });
    expect(duties.find((d) => d.code === 'VI.15')).toMatchObject({ covers: 'communes' });

    expect(text.recipients).toEqual([
      'Vụ CTTN&BDG, Bộ Nội vụ;',
      'Thường trực Tỉnh ủy;',
      'Thường trực HĐND tỉnh;',
      'Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
      'UBMTTQ VN và các tổ chức CT-XH tỉnh;',
      'Các sở, ban, ngành;',
      'Các cơ quan TW trên địa bàn tỉnh;',
      'UBND các xã, phường;',
      'C, PCVP UBND tỉnh, các phòng: KGVX, NC, TH, TTTT;',
      'Lưu: VT, KGVX.',
    ]);
    expect(doc.document.signer).toMatchObject({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Trần Thanh Nhàn',
    });
    expect(text.headings!.map((h) => `${h.number}. ${h.title}`)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. MỤC TIÊU',
      'III. GIẢI PHÁP THỰC HIỆN',
      'IV. MỘT SỐ HOẠT ĐỘNG TRIỂN KHAI',
      'V. KINH PHÍ THỰC HIỆN',
      'VI. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(validatePlanSchema(doc), JSON.stringify(validatePlanSchema.errors)).toBe(true);
  });

  it('resolves the agencies with duties and no target to Lạng Sơn units, as responsible', async () => {
    const plan = (await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}` })).json<{
      responsible: { name: string; code: string | null }[];
      duties: { code: string; agency: { name: string; code: string | null }; covers: string | null }[];
    }>();
    // Every duty of section VI addressed to one agency names a Lạng Sơn unit; VI.14 and VI.15 address classes.
    for (const d of plan.duties.filter((x) => !x.covers))
      expect(d.agency.code, `${d.code} ${d.agency.name}`).toMatch(/^20-[A-Z]+$/);
    expect(plan.responsible.map((a) => a.name)).toEqual(SEED_004_DUTIES_ONLY);
    for (const a of plan.responsible) expect(a.code, a.name).toMatch(/^20-[A-Z]+$/);
  });

  it('states its reporting regime as the document does: yearly reports, the 2028 mid-term and the 2030 final review', async () => {
    const doc = await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator);
    expect(doc.deadlines!.map((d) => [d.report, d.due, d.recurrence ?? null, d.year ?? null])).toEqual([
      ['annual', null, 'yearly', null],
      ['mid-term', null, null, 2028],
      ['final', null, null, 2030],
    ]);
    for (const d of doc.deadlines!) expect(SEED_004_TEXT).toContain(d.text!);
  });
});

describe('the draft becomes plan 158/KH-UBND of 26/4/2026 (seed 000 cites it so)', () => {
  it('keeps every figure, and the issued number cannot be imported twice unless the import replaces the plan', async () => {
    const progress = async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/plans/${ctx.demoPlanId}/progress?year=2026`,
        headers: ctx.coordinator,
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ targets: { target: { code: string }; measures: unknown[] }[] }>().targets;
    };
    const before = await progress();
    const { version } = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}`, headers: ctx.coordinator })
    ).json<{ version: number }>();
    const issued = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/plans/${ctx.demoPlanId}/identity`,
      headers: ctx.coordinator,
      payload: { number: '158', symbol: 'KH-UBND', date: '2026-04-26', version },
    });
    expect(issued.statusCode).toBe(200);
    const doc = await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator);
    expect(doc.document).toMatchObject({ number: '158', symbol: 'KH-UBND', date: '2026-04-26' });
    expect(await progress()).toEqual(before);

    const importDoc = (query: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/plans/import${query}`,
        headers: ctx.coordinator,
        payload: doc,
      });
    const again = await importDoc('');
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(ctx.demoPlanId);
    const replaced = await importDoc(`?replaces=${ctx.demoPlanId}`);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<{ id: string }>().id).toBe(ctx.demoPlanId);
    expect(await progress()).toEqual(before);
    expect(await exportedPlan(ctx, ctx.demoPlanId!, ctx.coordinator)).toEqual(doc);
  });
});

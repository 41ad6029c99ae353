import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { titleLines } from '../../src/modules/plan-drafts/plan-docx.js';
import { importPlan } from '../../src/modules/plans/plans.service.js';
import type { Session } from '../support/factories/app.js';
import { elements, issuerLines, openDocx, textOf, type DocxPackage } from '../support/docx.js';
import { createPlan, cyclesOf, planDocument, type PlanDoc } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The plan DOCX (GET /api/plans/{id}/plan.docx) of a drafted plan and of plans imported as their documents state
 * them: a 2026–2030 KẾ HOẠCH of a province, a công văn that implements two plans, a quyết định that issues a plan.
 */
const ctx = useTestApp({}, async (app) => {
  const parent = await createPlan(app, {
    published: true,
    cycles: true,
    targets: [
      { code: '5.2', lead: ['Công an tỉnh'], coordinate: ['Thanh tra tỉnh'] },
      { code: '5.3', lead: ['Sở Y tế'] },
    ],
  });
  const police = await app.signIn('reporter', parent.province.agency('CA'));
  return { parent, province: parent.province, police };
});

/** Imports a document as a published plan (its own words kept) and returns its id. */
const imported = (doc: PlanDoc) =>
  importPlan({ db: ctx.database.db, now: ctx.now }, doc, { published: true });

async function docxOf(planId: string, headers?: Session): Promise<DocxPackage> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/plan.docx`, headers });
  expect(res.statusCode).toBe(200);
  return openDocx(res.rawPayload);
}

/** The paragraphs outside the tables, and the signer lines (right cell of the last table). */
function read(pkg: DocxPackage) {
  const tables = elements(pkg.document, 'w:tbl');
  let outside = pkg.document;
  for (const t of tables) outside = outside.replace(t, '');
  const signature = elements(
    tables.find((t) => textOf(t).startsWith('Nơi nhận:'))!,
    'w:tc',
  )[1]!;
  return {
    texts: elements(outside, 'w:p').map(textOf),
    all: textOf(pkg.document),
    signer: elements(signature, 'w:p').map(textOf).filter(Boolean),
    header: elements(elements(tables[0]!, 'w:tc')[0]!, 'w:p').map(textOf).filter(Boolean),
  };
}

const LEGAL_BASES: PlanDoc['references'] = [
  {
    relation: 'legal-basis',
    type: 'LUAT',
    number: '73',
    symbol: '2006/QH11',
    date: null,
    issuer: 'Quốc hội',
    title: 'Luật Bình đẳng giới',
  },
  {
    relation: 'legal-basis',
    type: 'NQ',
    number: '28',
    symbol: 'NQ-CP',
    date: '2021-03-03',
    issuer: 'Chính phủ',
    title: 'ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
  },
];

describe('a drafted plan of Công an tỉnh', () => {
  it('shows its own parent body and its head’s title in its DOCX', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/plans/${ctx.parent.id}/drafts`,
      headers: ctx.police,
      payload: { unit: ctx.province.agency('CA'), year: 2027 },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const pkg = await docxOf(id, ctx.police);
    const lines = issuerLines(pkg);
    expect(lines[0]).toBe('BỘ CÔNG AN');
    expect(lines[1]).toBe(`CÔNG AN ${ctx.province.designation.toLocaleUpperCase('vi')}`);
    expect(lines[2]).toMatch(/^Số: +\/KH-CA$/);
    const { signer, all } = read(pkg);
    expect(signer).toEqual(['GIÁM ĐỐC']);
    expect(all).not.toContain('UBND TỈNH');
    expect(all).toContain('KẾ HOẠCH');

    // A draft stored before the catalogue had letterheads kept "UBND tỉnh …" as its parent body: the catalogue wins.
    await queryRows(
      ctx.database.db,
      sql`update plans set parent_body = ${ctx.province.committee} where id = ${id}`,
    );
    expect(issuerLines(await docxOf(id, ctx.police))[0]).toBe('BỘ CÔNG AN');
  });

  it('signs a drafted plan of Thanh tra tỉnh as Chánh Thanh tra, under the province’s UBND', async () => {
    const inspector = await ctx.signIn('reporter', ctx.province.agency('TTR'));
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/plans/${ctx.parent.id}/drafts`,
      headers: inspector,
      payload: { unit: ctx.province.agency('TTR'), year: 2027 },
    });
    expect(res.statusCode).toBe(201);
    const pkg = await docxOf(res.json<{ id: string }>().id, inspector);
    expect(issuerLines(pkg).slice(0, 2)).toEqual([
      ctx.province.committee.toLocaleUpperCase('vi'),
      'THANH TRA TỈNH',
    ]);
    expect(read(pkg).signer).toEqual(['CHÁNH THANH TRA']);
  });
});

describe('the DOCX of an imported KẾ HOẠCH 2026–2030', () => {
  it('states its period, number, date, legal bases and stored signer lines', async () => {
    const doc = planDocument({
      province: ctx.province,
      document: {
        number: '158',
        date: '2026-04-26',
        title: 'Thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn tỉnh',
        signer: {
          authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
          name: 'Trần Thanh Nhàn',
          lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        },
      },
      references: LEGAL_BASES,
    });
    const pkg = await docxOf(
      await imported({
        ...doc,
        text: {
          purpose: ['Triển khai thực hiện có hiệu quả các mục tiêu của Chiến lược.'],
          recipients: ['Bộ Nội vụ;', 'Lưu: VT, KGVX.'],
        },
      }),
    );
    const { texts, all, signer, header } = read(pkg);
    expect(header[0]).toBe('ỦY BAN NHÂN DÂN');
    expect(header.at(-1)).toBe('Số: 158/KH-UBND');
    expect(all).toContain(`${ctx.province.name}, ngày 26 tháng 4 năm 2026`);
    expect(texts).toContain('KẾ HOẠCH');
    expect(all).toContain('giai đoạn 2026 - 2030');
    expect(all).not.toMatch(/bình đẳng giới năm 2026/);
    expect(texts).toContain(
      'Căn cứ Luật Bình đẳng giới số 73/2006/QH11; Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ' +
        'ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030.',
    );
    expect(texts).toContain('Triển khai thực hiện có hiệu quả các mục tiêu của Chiến lược.');
    expect(signer).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Thanh Nhàn']);
    expect(all).toContain('- Bộ Nội vụ;');
  });

  it('splits a signer authority kept as one string when the document gave no lines', async () => {
    const doc = planDocument({
      province: ctx.province,
      document: { signer: { authority: 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH', name: 'Nguyễn Văn B' } },
    });
    const { signer, all } = read(await docxOf(await imported(doc)));
    expect(signer).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn B']);
    // Its title begins "Kế hoạch …": the opening and the closing say "Kế hoạch" once.
    expect(all).toContain(
      `ban hành Kế hoạch thực hiện công tác bình đẳng giới số ${doc.document.number} giai đoạn`,
    );
    expect(all).not.toMatch(/Kế hoạch kế hoạch/iu);
  });
});

describe('the DOCX of a công văn that implements two plans', () => {
  it('has the symbol line with "V/v …" under it, "Kính gửi:" its addressees, and no type title', async () => {
    const other = await createPlan(ctx, { province: ctx.province, published: true });
    const doc = planDocument({
      province: ctx.province,
      document: {
        type: 'CV',
        number: '245',
        symbol: 'SYT-NVY',
        issuer: 'Sở Y tế',
        parentBody: null,
        date: '2026-05-04',
        title: 'Triển khai thực hiện công tác bình đẳng giới',
        signer: { authority: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Lê Văn C' },
      },
      goals: [],
      references: [ctx.parent.document, other.document].map((p) => ({
        relation: 'implements' as const,
        type: 'KH' as const,
        number: p.document.number,
        symbol: p.document.symbol,
        date: p.document.date,
        issuer: p.document.issuer,
        title: p.document.title,
      })),
    });
    const pkg = await docxOf(
      await imported({
        ...doc,
        text: { addressees: ['Các phòng chức năng thuộc Sở', 'Các đơn vị trực thuộc'] },
      }),
    );
    const { texts, all, signer, header } = read(pkg);
    expect(header).toEqual([
      `UBND ${ctx.province.designation.toLocaleUpperCase('vi')}`,
      'SỞ Y TẾ',
      'Số: 245/SYT-NVY',
      'V/v triển khai thực hiện công tác bình đẳng giới',
    ]);
    expect(texts).not.toContain('KẾ HOẠCH');
    const to = texts.indexOf('Kính gửi:');
    expect(to).toBeGreaterThan(-1);
    expect(texts.slice(to + 1, to + 3)).toEqual([
      '- Các phòng chức năng thuộc Sở;',
      '- Các đơn vị trực thuộc.',
    ]);
    expect(all).toContain(`Kế hoạch số ${ctx.parent.document.document.number}/KH-UBND`);
    expect(all).toContain(`Kế hoạch số ${other.document.document.number}/KH-UBND`);
    expect(signer).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Văn C']);
    expect(all).toContain('Nơi nhận:- Như trên;');
    // A công văn has no period of its own: the 2026–2030 stored for it is not stated.
    expect(all).not.toContain('giai đoạn 2026 - 2030');
  });
});

describe('the DOCX of a quyết định that issues a kế hoạch', () => {
  it('is titled "QUYẾT ĐỊNH" with "Về việc …", its articles, then the plan it issues', async () => {
    const doc = planDocument({
      province: ctx.province,
      document: {
        type: 'QD',
        number: '12',
        symbol: 'QĐ-UBND',
        date: '2026-02-10',
        title: 'Ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2026',
        period: { from: 2026, to: 2026 },
      },
      references: LEGAL_BASES,
    });
    const pkg = await docxOf(await imported(doc));
    const { texts, all } = read(pkg);
    const i = texts.indexOf('QUYẾT ĐỊNH');
    expect(i).toBeGreaterThan(-1);
    const excerpt = titleLines('Về việc ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2026');
    expect(texts.slice(i + 1, i + 1 + excerpt.length)).toEqual(excerpt);
    expect(texts).toContain(`ỦY BAN NHÂN DÂN ${ctx.province.designation.toLocaleUpperCase('vi')}`);
    expect(texts).toContain('Căn cứ Luật Bình đẳng giới số 73/2006/QH11;');
    expect(texts).toContain('QUYẾT ĐỊNH:');
    expect(all).toContain(
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2026.',
    );
    const plan = texts.indexOf('KẾ HOẠCH');
    expect(plan).toBeGreaterThan(texts.indexOf('QUYẾT ĐỊNH:'));
    expect(texts[plan + 1]).toBe('Thực hiện công tác bình đẳng giới năm 2026');
    expect(all).toContain('(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 10/02/2026 của UBND');
  });
});

describe('the report DOCX of agencies outside the UBND system', () => {
  it.each([
    ['CA', 'BỘ CÔNG AN', 'CÔNG AN', ['GIÁM ĐỐC']],
    ['TTR', 'UBND', 'THANH TRA TỈNH', ['CHÁNH THANH TRA']],
  ])('%s: header line 1 %j, issuer %j, signed %j', async (abbr, parent, issuer, signer) => {
    const cycle = (await cyclesOf(ctx, ctx.parent.id)).find((c) => c.kind === 'annual' && c.year === 2026)!;
    const unit = ctx.province.agency(abbr);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cycles/${cycle.id}/reports/${unit}/report.docx`,
      headers: await ctx.signIn('reporter', unit),
    });
    expect(res.statusCode).toBe(200);
    const pkg = await openDocx(res.rawPayload);
    const lines = issuerLines(pkg);
    expect(lines[0]!.startsWith(parent)).toBe(true);
    expect(lines[1]!.startsWith(issuer)).toBe(true);
    expect(lines[2]).toMatch(new RegExp(`^Số: +/BC-${abbr}$`));
    expect(read(pkg).signer).toEqual(signer);
  });
});

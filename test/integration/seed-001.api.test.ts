import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument, type PlanDocument } from '../../src/modules/plans/plan-format.js';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Seed 001, the 2024 plan of Sở Xây dựng of Bình Phước, transcribed by hand (docs/NOTES.md, Seed 001). Bình
 * Phước has been part of Đồng Nai since 1/7/2025 (Nghị quyết 202/2025/QH15): the plan is placed there and keeps
 * the province as the document names it.
 */
const fixture: unknown = JSON.parse(
  fs.readFileSync(
    new URL('../support/fixtures/seed-001-so-xay-dung-binh-phuoc-2024.plan.json', import.meta.url),
    'utf8',
  ),
);

const DONG_NAI = '75';

const ctx = useTestApp({}, async (app) => {
  const dongNai = await provinceUnits(app, DONG_NAI);
  const res = await asAdmin(app, { method: 'POST', url: '/api/plans/import', payload: fixture as object });
  const { id } = expectStatus<{ id: string }>(res, 201, 'seed 001 import');
  return { dongNai, planId: id };
});

describe('seed 001 as binhdang.plan/1', () => {
  it('is a valid document with the whole plan', () => {
    const parsed = parsePlanDocument(fixture);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    const doc = (parsed as { ok: true; document: PlanDocument }).document;
    expect(doc.document).toMatchObject({
      type: 'KH',
      number: null,
      issuer: 'Sở Xây dựng',
      place: 'Bình Phước',
      period: { from: 2024, to: 2024 },
      signer: { name: 'Võ Tất Dũng', lines: ['GIÁM ĐỐC'] },
    });
    expect(doc.references.map((r) => `${r.number}/${r.symbol} ${r.date}`)).toEqual([
      '158/KH-UBND 2024-05-06',
      '49/KH-UBND 2021-02-19',
      '122/KH-UBND 2021-04-13',
      '128/KH-UBND 2022-05-06',
    ]);
    expect(doc.references.every((r) => r.relation === 'implements')).toBe(true);
    expect(doc.goals).toEqual([]);
    expect(doc.tasks?.map((t) => t.code)).toEqual([
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.7',
      'II.8',
    ]);
    expect(doc.duties?.map((d) => d.agency)).toEqual([
      'Thanh tra Sở',
      'Văn phòng Sở',
      'BCH Công đoàn cùng các Phòng chuyên môn, đơn vị trực thuộc Sở',
    ]);
    expect(doc.deadlines?.map((d) => [d.report, d.due, d.before, d.recurrence])).toEqual([
      ['6-month', '2024-05-30', true, 'once'],
      ['annual', '2024-11-30', true, 'once'],
    ]);
    expect(doc.text?.recipients).toHaveLength(4);
    expect(doc.text?.headings?.map((h) => h.part)).toEqual(['purpose', 'tasks', 'budget', 'organization']);
  });

  it('imports under Đồng Nai, its issuer the Sở Xây dựng there', async () => {
    const plan = expectStatus<{
      issuerUnit: { code: string; name: string } | null;
      ownerUnitCode: string;
      parents: unknown[];
    }>(await asAdmin(ctx, { method: 'GET', url: `/api/plans/${ctx.planId}` }), 200, 'plan');
    expect(plan.issuerUnit?.code).toBe(ctx.dongNai.agency('SXD'));
    expect(plan.ownerUnitCode).toBe(ctx.dongNai.agency('SXD'));
    expect(plan.ownerUnitCode.startsWith(`${DONG_NAI}-`)).toBe(true);
  });

  it('keeps Bình Phước as the document writes it, and the whole text', async () => {
    const exported = expectStatus<PlanDocument>(
      await asAdmin(ctx, { method: 'GET', url: `/api/plans/${ctx.planId}/export` }),
      200,
      'export',
    );
    expect(exported.document.place).toBe('Bình Phước');
    expect(exported.document.parentBody).toBe('UBND tỉnh Bình Phước');
    expect(exported.document.issuer).toBe('Sở Xây dựng');
    const original = fixture as PlanDocument;
    expect(exported.text).toEqual(original.text);
    expect(exported.tasks).toEqual(original.tasks);
    expect(exported.duties?.map((d) => d.paragraphs)).toEqual(original.duties?.map((d) => d.paragraphs));
    expect(exported.deadlines).toEqual(original.deadlines);
  });
});

describe('seed 001 published by a coordinator of Đồng Nai', () => {
  it('shows Bình Phước as written and Đồng Nai, is public once published, and has its two deadlines', async () => {
    const coordinator = await ctx.signIn('coordinator', DONG_NAI);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}` })).statusCode).toBe(404);
    const published = await ctx.app.inject({
      method: 'POST',
      url: `/api/plans/${ctx.planId}/publish`,
      headers: coordinator,
    });
    expect(published.statusCode).toBe(200);
    const seen = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ formerProvince: unknown }>().formerProvince).toEqual({
      written: 'Bình Phước',
      current: { code: DONG_NAI, name: 'Đồng Nai', fullName: expect.stringMatching(/Đồng Nai$/u) as string },
    });
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/plans' })).json<{
      items: { id: string }[];
    }>();
    expect(listed.items.map((p) => p.id)).toContain(ctx.planId);
  });
});

describe('seed 001 reports', () => {
  it('has the cycles its deadlines set, due the day before "trước ngày 30/5/2024" and "trước ngày 30/11/2024", and its reports download', async () => {
    const { cycles } = expectStatus<{ cycles: { id: string; kind: string; due: string }[] }>(
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}/cycles` }),
      200,
      'cycles',
    );
    expect(cycles.map((c) => [c.kind, c.due])).toEqual([
      ['6-month', '2024-05-29'],
      ['annual', '2024-11-29'],
    ]);
    const unit = ctx.dongNai.agency('SXD');
    for (const c of cycles) {
      for (const [file, type] of [
        ['report.docx', 'wordprocessingml'],
        ['appendix.xlsx', 'spreadsheetml'],
      ] as const) {
        const res = await asAdmin(ctx, { method: 'GET', url: `/api/cycles/${c.id}/reports/${unit}/${file}` });
        expect(res.statusCode, `${c.kind} ${file}`).toBe(200);
        expect(res.headers['content-type']).toContain(type);
        expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      }
    }
  });
});

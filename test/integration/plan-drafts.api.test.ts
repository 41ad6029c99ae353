import { describe, expect, it } from 'vitest';
import { openDocx } from '../support/docx.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import type { Session } from '../support/factories/app.js';
import { createPlan } from '../support/factories/plans.js';
import { validatePlanSchema as validate } from '../support/plan-schema.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A province's published 2026–2030 plan, its cycles generated from its deadlines (6-month reports on 05/6 and
 * annual ones on 01/12, every year). Its Sở Y tế leads 3.3, 4.1 and 4.2 and coordinates 3.2; other agencies hold
 * the other targets, and Sở Xây dựng none.
 */
const ctx = useTestApp({}, async (app) => {
  const { id: parentId, province } = await createPlan(app, {
    published: true,
    cycles: true,
    deadlines: [
      { report: '6-month', due: '2026-06-05', recurrence: 'yearly', recipient: 'Sở Nội vụ' },
      { report: 'annual', due: '2026-12-01', recurrence: 'yearly', recipient: 'Sở Nội vụ' },
    ],
    targets: [
      { code: '1.1', lead: ['Sở Nội vụ'] },
      { code: '3.1', lead: ['Thống kê tỉnh'] },
      { code: '3.2', lead: ['Sở Văn hóa, Thể thao và Du lịch'], coordinate: ['Sở Tư pháp', 'Sở Y tế'] },
      { code: '3.3', lead: ['Sở Y tế'] },
      { code: '4.1', lead: ['Sở Y tế'] },
      { code: '4.2', lead: ['Sở Y tế'] },
    ],
  });
  const SYT = province.agency('SYT');
  return { province, parentId, SYT, syt: await app.signIn('reporter', SYT) };
});

/** Asks for `unit`'s plan of `year` drafted from the provincial plan, as `who`. */
const draft = (who: Session, unit: string, year = 2027) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/plans/${ctx.parentId}/drafts`,
    headers: who,
    payload: { unit, year },
  });

describe('drafting Sở Y tế’s plan from the provincial plan of a province', () => {
  let draftId: string;
  it('creates a child plan with exactly the targets Sở Y tế leads and coordinates, each with its role', async () => {
    const res = await draft(ctx.syt, ctx.SYT);
    expect(res.statusCode).toBe(201);
    draftId = res.json<{ id: string }>().id;
    const exp = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${draftId}/export`,
      headers: ctx.syt,
    });
    expect(exp.statusCode).toBe(200);
    const doc = exp.json<{
      document: {
        issuer: string;
        symbol: string;
        number: string | null;
        period: { from: number; to: number };
      };
      goals: { targets: { code: string }[] }[];
      assignments: { agency: string; role: string; targets: string[] }[];
      references: { relation: string; planId?: string }[];
      deadlines: { report: string; due: string; before?: boolean }[];
    }>();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.document).toMatchObject({
      issuer: 'Sở Y tế',
      symbol: 'KH-SYT',
      number: null,
      period: { from: 2027, to: 2027 },
    });
    expect(doc.goals.flatMap((g) => g.targets.map((t) => t.code)).sort()).toEqual([
      '3.2',
      '3.3',
      '4.1',
      '4.2',
    ]);
    const byRole = Object.fromEntries(doc.assignments.map((a) => [a.role, a.targets.sort()]));
    expect(byRole).toEqual({ lead: ['3.3', '4.1', '4.2'], coordinate: ['3.2'] });
    expect(doc.references).toContainEqual(
      expect.objectContaining({ relation: 'implements', planId: ctx.parentId }),
    );
    // Written as documents write them: due on 05/6 is "trước ngày 06/6" (the day after, with `before`).
    expect(doc.deadlines.map((d) => [d.due, d.before]).sort()).toEqual([
      ['2027-06-06', true],
      ['2027-12-02', true],
    ]);
    const parent = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${ctx.parentId}`,
      headers: ctx.syt,
    });
    expect(parent.json<{ children: { id: string }[] }>().children.map((c) => c.id)).toContain(draftId);
  });

  // LibreOffice converts this document in the rendering check (`npm run render-check`, run by CI).
  it('exports the draft as a KẾ HOẠCH DOCX in the decree layout', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${draftId}/plan.docx`,
      headers: ctx.syt,
    });
    expect(res.statusCode).toBe(200);
    const xml = (await openDocx(res.rawPayload)).document;
    for (const text of [
      'KẾ HOẠCH',
      '/KH-SYT',
      'Thực hiện Kế hoạch số',
      'Chủ trì',
      'Phối hợp',
      'trước ngày 06/6/2027',
    ])
      expect(xml).toContain(text);
    const size = /<w:pgSz [^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml)!;
    expect([Number(size[1]), Number(size[2])]).toEqual([11906, 16838]);
  });

  it('refuses a second plan for the same unit and year, naming the one that exists', async () => {
    const again = await draft(ctx.syt, ctx.SYT);
    expect(again.statusCode).toBe(409);
    const error = again.json<{ error: { message: string; issues: { current?: { planId: string } }[] } }>()
      .error;
    expect(error.message).toBe('Sở Y tế đã có kế hoạch năm 2027 thực hiện kế hoạch này');
    expect(error.issues[0]!.current).toEqual({ planId: draftId });
    // Another year is a plan of its own.
    const next = await draft(ctx.syt, ctx.SYT, 2028);
    expect(next.statusCode).toBe(201);
  });

  it('files the draft under the drafted unit and records the parent it was drafted from', async () => {
    const [row] = await queryRows<{ owner: string; parent: string }>(
      ctx.database.db,
      sql`select owner_unit_code owner, drafted_from_plan_id parent from plans where id = ${draftId}`,
    );
    expect(row).toEqual({ owner: ctx.SYT, parent: ctx.parentId });
  });

  it('answers a second draft that the first check misses (a concurrent one) with the same 409', async () => {
    // The first check looks for plans implementing the parent; with that link gone, as when two requests pass
    // the check at the same time, the unique index on (parent, unit, year) is what refuses the second draft.
    await queryRows(
      ctx.database.db,
      sql`update plan_references set linked_plan_id = null where plan_id = ${draftId} and relation = 'implements'`,
    );
    const plansBefore = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int n from plans`,
    );
    const again = await draft(ctx.syt, ctx.SYT);
    expect(again.statusCode).toBe(409);
    const error = again.json<{ error: { code: string; message: string } }>().error;
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Sở Y tế đã có kế hoạch năm 2027 thực hiện kế hoạch này',
    });
    const plansAfter = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int n from plans`,
    );
    expect(plansAfter).toEqual(plansBefore);
    await queryRows(
      ctx.database.db,
      sql`update plan_references set linked_plan_id = ${ctx.parentId}
          where plan_id = ${draftId} and relation = 'implements'`,
    );
  });

  it('is refused to another agency’s reporter (403) and for an agency with no target (400)', async () => {
    const other = await ctx.signIn('reporter', ctx.province.agency('SNV'));
    const denied = await draft(other, ctx.SYT);
    expect(denied.statusCode).toBe(403);
    const xd = await ctx.signIn('reporter', ctx.province.agency('SXD'));
    const none = await draft(xd, ctx.province.agency('SXD'));
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { issues: { path: string }[] } }>().error.issues[0]!.path).toBe('$.body.unit');
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { createPlan, cyclesOf } from '../support/factories/plans.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { useTestApp } from '../support/test-app.js';

const clock = new Date('2026-03-02T08:00:00Z');
const now = () => clock;

/**
 * Two provinces. In the first, a published 2026–2028 plan of its People's Committee: Sở Nội vụ leads 1.1, Sở Y
 * tế coordinates it, Thanh tra tỉnh has duties without a target (`responsible`), Sở Tư pháp a duty paragraph, and
 * a clause addresses "các sở, ban, ngành khác thuộc tỉnh"; it writes no deadline. The second province's
 * coordinator stands outside.
 */
const ctx = useTestApp({ now }, async (app) => {
  const province = await provinceUnits(app);
  const other = await provinceUnits(app);
  const { id: planId } = await createPlan(app, {
    province,
    published: true,
    cycles: true,
    document: { period: { from: 2026, to: 2028 } },
    targets: [{ code: '1.1', lead: ['Sở Nội vụ'], coordinate: ['Sở Y tế'] }],
    assignments: [{ agency: 'Thanh tra tỉnh', role: 'responsible', targets: [] }],
    duties: [
      {
        code: 'VI.3',
        agency: 'Sở Tư pháp',
        paragraphs: ['Lồng ghép bình đẳng giới trong xây dựng pháp luật.'],
      },
      {
        code: 'VI.14',
        agency: 'Các sở, ban, ngành khác thuộc tỉnh',
        covers: 'agencies',
        paragraphs: ['Căn cứ chức năng, nhiệm vụ, tổ chức thực hiện Kế hoạch; báo cáo hằng năm.'],
      },
    ],
  });
  return {
    province,
    other,
    planId,
    coordinator: await app.signIn('coordinator', province.code),
    outsider: await app.signIn('coordinator', other.code),
  };
});

type Headers = Record<string, string>;
interface Definition {
  id: string;
  kind: string;
  title: string;
  recipient: string;
  dueMonthDay: string;
  version: number;
}
interface ReportingUnits {
  stored: boolean;
  units: { code: string; source: string; included: boolean; reasons: string[]; title: string }[];
}

const inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers?: Headers,
  payload?: object,
) => ctx.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
const regime = async (planId = ctx.planId) =>
  (await inject('GET', `/api/plans/${planId}/cycles`, ctx.coordinator)).json<{
    definitions: Definition[];
    cycles: { id: string; kind: string; year: number; period: string; due: string; definitionId: string }[];
  }>();
const unitsOf = async (planId = ctx.planId) =>
  (await inject('GET', `/api/plans/${planId}/reporting-units`, ctx.coordinator)).json<ReportingUnits>();
const audit = async (action: string, unit = ctx.province.code) =>
  (await inject('GET', `/api/audit?unit=${unit}&action=${action}`, ctx.coordinator)).json<{
    items: { action: string; entityId: string; before: unknown; after: unknown; username: string }[];
  }>().items;

describe('cycles from the plan’s deadlines', () => {
  it('gives a plan without deadlines annual reports only, due 30/11, and no 6-month report', async () => {
    const { definitions, cycles } = await regime();
    expect(definitions.map((d) => d.kind)).toEqual(['annual']);
    expect(cycles.map((c) => `${c.period} ${c.due}`)).toEqual([
      '2026 2026-11-30',
      '2027 2027-11-30',
      '2028 2028-11-30',
    ]);
  });

  it('reads "Báo cáo 06 tháng trước ngày 30/5/2024; báo cáo năm trước ngày 30/11/2024" (seed 001) as due 29/5 and 29/11', async () => {
    const { id } = await createPlan(ctx, {
      province: ctx.province,
      cycles: true,
      document: { period: { from: 2024, to: 2024 } },
      deadlines: [
        {
          report: '6-month',
          due: '2024-05-30',
          before: true,
          recipient: 'Sở Lao động – Thương binh và Xã hội',
        },
        {
          report: 'annual',
          due: '2024-11-30',
          before: true,
          recipient: 'Sở Lao động – Thương binh và Xã hội',
        },
      ],
    });
    const { definitions, cycles } = await regime(id);
    expect(cycles.map((c) => `${c.kind} ${c.period} ${c.due}`)).toEqual([
      '6-month 2024-H1 2024-05-29',
      'annual 2024 2024-11-29',
    ]);
    expect(definitions.map((d) => [d.kind, d.dueMonthDay, d.recipient])).toEqual([
      ['6-month', '05-29', 'Sở Lao động – Thương binh và Xã hội'],
      ['annual', '11-29', 'Sở Lao động – Thương binh và Xã hội'],
    ]);
  });

  it('gives the imported transcription of seed 001 cycles due 29/5/2024 and 29/11/2024', async () => {
    const fixture: unknown = JSON.parse(
      fs.readFileSync(
        new URL('../support/fixtures/seed-001-so-xay-dung-binh-phuoc-2024.plan.json', import.meta.url),
        'utf8',
      ),
    );
    const res = await asAdmin(ctx, { method: 'POST', url: '/api/plans/import', payload: fixture as object });
    const { id } = expectStatus<{ id: string }>(res, 201, 'seed 001 import');
    expect((await asAdmin(ctx, { method: 'POST', url: `/api/plans/${id}/cycles/generate` })).statusCode).toBe(
      200,
    );
    const cycles = await cyclesOf(ctx, id);
    expect(cycles.map((c) => `${c.kind} ${c.period} ${c.due}`)).toEqual([
      '6-month 2024-H1 2024-05-29',
      'annual 2024 2024-11-29',
    ]);
  });

  it('reads seed 004: annual every year, the 2028 mid-term and the 2030 final review, no 6-month', async () => {
    const { id } = await createPlan(ctx, {
      province: ctx.province,
      cycles: true,
      deadlines: [
        { report: 'annual', due: null, recurrence: 'yearly', recipient: 'Sở Nội vụ' },
        { report: 'mid-term', due: null, year: 2028, recipient: 'Sở Nội vụ' },
        { report: 'final', due: null, year: 2030, recipient: 'Sở Nội vụ' },
      ],
    });
    const { cycles } = await regime(id);
    expect(cycles.filter((c) => c.kind === '6-month')).toEqual([]);
    expect(cycles.filter((c) => c.kind === 'annual').map((c) => c.year)).toEqual([
      2026, 2027, 2028, 2029, 2030,
    ]);
    expect(cycles.filter((c) => c.kind !== 'annual').map((c) => `${c.kind} ${c.due}`)).toEqual([
      'mid-term 2028-11-30',
      'final 2030-11-30',
    ]);
  });
});

describe('the province’s reporting settings', () => {
  it('gives the defaults, and lets only the province’s coordinator ask for 6-month reports', async () => {
    const url = `/api/org-units/${ctx.province.code}/reporting-settings`;
    expect((await inject('GET', url)).json()).toEqual({
      orgUnit: ctx.province.code,
      sixMonth: false,
      sixMonthDue: '06-05',
      annualDue: '11-30',
      version: 0,
    });
    const body = { sixMonth: true, sixMonthDue: '06-10', annualDue: '12-05', version: 0 };
    expect((await inject('PUT', url, ctx.outsider, body)).statusCode).toBe(403);
    const bad = await inject('PUT', url, ctx.coordinator, { ...body, annualDue: '12-5' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('$.body.annualDue');
    const res = await inject('PUT', url, ctx.coordinator, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sixMonth: true, version: 1 });
    expect((await inject('PUT', url, ctx.coordinator, body)).statusCode).toBe(409);
    expect(await audit('reporting-settings.update')).toHaveLength(1);

    const { id } = await createPlan(ctx, {
      province: ctx.province,
      cycles: true,
      document: { period: { from: 2027, to: 2027 } },
    });
    expect((await regime(id)).cycles.map((c) => `${c.kind} ${c.due}`)).toEqual([
      '6-month 2027-06-10',
      'annual 2027-12-05',
    ]);
    // Back to the defaults for the other tests.
    await inject('PUT', url, ctx.coordinator, {
      sixMonth: false,
      sixMonthDue: '06-05',
      annualDue: '11-30',
      version: 1,
    });
  });

  it('is set on provinces only', async () => {
    const res = await inject('GET', `/api/org-units/${ctx.province.agency('SNV')}/reporting-settings`);
    expect(res.statusCode).toBe(400);
  });
});

describe('who owes the plan’s reports', () => {
  it('lists agencies with targets (coordinating too), with duties, and those a clause covers, with why', async () => {
    const { stored, units } = await unitsOf();
    expect(stored).toBe(true);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const agency = (abbr: string) => byCode.get(ctx.province.agency(abbr));
    expect(agency('SNV')).toMatchObject({ source: 'target', included: true });
    expect(agency('SNV')!.reasons).toContain('lead 1.1');
    expect(agency('SYT')).toMatchObject({ source: 'target' });
    expect(agency('SYT')!.reasons).toContain('coordinate 1.1');
    expect(agency('TTR')).toMatchObject({ source: 'duty' });
    expect(agency('STP')).toMatchObject({ source: 'duty' });
    expect(agency('STP')!.reasons).toContain('duty VI.3');
    expect(agency('SXD')).toMatchObject({ source: 'clause' });
    expect(agency('SXD')!.reasons).toEqual(['clause VI.14 Các sở, ban, ngành khác thuộc tỉnh']);
    // Every agency of the province, no commune (no indicator of the plan is reported by communes), not the issuer.
    expect(
      units
        .filter((u) => byCode.get(u.code))
        .map((u) => u.code)
        .sort(),
    ).toEqual(ctx.province.agencies.map((a) => a.code).sort());
    expect(byCode.has(ctx.province.code)).toBe(false);
  });

  it('makes every commune owe when a clause addresses "UBND các xã, phường"', async () => {
    const { id } = await createPlan(ctx, {
      province: ctx.province,
      cycles: true,
      duties: [
        {
          code: 'VI.15',
          agency: 'UBND các xã, phường',
          covers: 'communes',
          paragraphs: ['Báo cáo hằng năm.'],
        },
      ],
    });
    const { units } = await unitsOf(id);
    expect(units.map((u) => u.code).sort()).toEqual(ctx.province.communes.map((c) => c.code).sort());
    expect(new Set(units.map((u) => u.source))).toEqual(new Set(['clause']));
  });

  it('counts them in the cycle’s completeness, and follows the coordinator’s exclusions and additions (audited)', async () => {
    const cycle = (await regime()).cycles[0]!;
    const owed = async () =>
      (await inject('GET', `/api/cycles/${cycle.id}/completeness`, ctx.coordinator))
        .json<{ units: { code: string; targets: unknown[] }[] }>()
        .units.map((u) => u.code);
    const TTR = ctx.province.agency('TTR');
    expect(await owed()).toContain(TTR);
    expect((await owed()).length).toBe(ctx.province.agencies.length);

    const exclude = await inject(
      'PATCH',
      `/api/plans/${ctx.planId}/reporting-units/${TTR}`,
      ctx.coordinator,
      {
        included: false,
      },
    );
    expect(exclude.statusCode).toBe(200);
    expect(exclude.json<ReportingUnits>().units.find((u) => u.code === TTR)).toMatchObject({
      included: false,
      source: 'duty',
    });
    expect(await owed()).not.toContain(TTR);
    const back = await inject('PATCH', `/api/plans/${ctx.planId}/reporting-units/${TTR}`, ctx.coordinator, {
      included: true,
    });
    expect(back.statusCode).toBe(200);
    expect(await owed()).toContain(TTR);

    const commune = ctx.province.communes[0]!.code;
    const add = await inject('POST', `/api/plans/${ctx.planId}/reporting-units`, ctx.coordinator, {
      orgUnit: commune,
    });
    expect(add.statusCode).toBe(200);
    expect(add.json<ReportingUnits>().units.find((u) => u.code === commune)).toMatchObject({
      source: 'manual',
    });
    expect(await owed()).toContain(commune);

    const foreign = await inject('POST', `/api/plans/${ctx.planId}/reporting-units`, ctx.coordinator, {
      orgUnit: ctx.other.communes[0]!.code,
    });
    expect(foreign.statusCode).toBe(400);
    expect(JSON.stringify(foreign.json())).toContain('$.body.orgUnit');
    expect(
      (
        await inject('PATCH', `/api/plans/${ctx.planId}/reporting-units/${commune}`, ctx.outsider, {
          included: false,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await inject('POST', `/api/plans/${ctx.planId}/reporting-units`, ctx.outsider, { orgUnit: commune }))
        .statusCode,
    ).toBe(403);

    expect((await audit('reporting-unit.exclude')).map((a) => a.after)).toEqual([
      { unit: TTR, source: 'duty', included: false },
    ]);
    expect(await audit('reporting-unit.include')).toHaveLength(1);
    expect(await audit('reporting-unit.add')).toHaveLength(1);
  });
});

describe('the coordinator edits definitions and cycles', () => {
  it('edits a definition with a version check; the change is in the audit trail with before and after', async () => {
    const annual = (await regime()).definitions.find((d) => d.kind === 'annual')!;
    const url = `/api/definitions/${annual.id}`;
    const body = {
      title: 'Báo cáo công tác bình đẳng giới năm',
      recipient: 'Sở Nội vụ',
      version: annual.version,
    };
    expect((await inject('PATCH', url, ctx.outsider, body)).statusCode).toBe(403);
    const res = await inject('PATCH', url, ctx.coordinator, body);
    expect(res.statusCode).toBe(200);
    expect(res.json<Definition>()).toMatchObject({
      title: body.title,
      recipient: 'Sở Nội vụ',
      version: annual.version + 1,
    });
    expect((await inject('PATCH', url, ctx.coordinator, body)).statusCode).toBe(409);
    const bad = await inject('PATCH', url, ctx.coordinator, {
      dueMonthDay: '02-30',
      version: annual.version + 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('$.body.dueMonthDay');

    const [entry] = await audit('definition.update');
    expect(entry!.entityId).toBe(annual.id);
    expect(entry!.before).toMatchObject({ title: annual.title, version: annual.version });
    expect(entry!.after).toMatchObject({
      title: body.title,
      recipient: 'Sở Nội vụ',
      version: annual.version + 1,
    });
  });

  it('deletes a cycle and adds it again; both are in the audit trail', async () => {
    const cycle = (await regime()).cycles.find((c) => c.year === 2027)!;
    expect((await inject('DELETE', `/api/cycles/${cycle.id}`, ctx.outsider)).statusCode).toBe(403);
    const res = await inject('DELETE', `/api/cycles/${cycle.id}`, ctx.coordinator);
    expect(res.statusCode).toBe(200);
    expect((await regime()).cycles.map((c) => c.year)).toEqual([2026, 2028]);
    // Gone: its plan cannot be found from it, so only an admin over the nation would get past the check (404).
    expect((await inject('DELETE', `/api/cycles/${cycle.id}`, ctx.coordinator)).statusCode).toBe(403);
    const [deleted] = await audit('cycle.delete');
    expect(deleted!.entityId).toBe(cycle.id);
    expect(deleted!.before).toMatchObject({ due: cycle.due, year: 2027 });
    expect(deleted!.after).toBeNull();

    const add = (headers: Headers, payload: object) =>
      inject('POST', `/api/plans/${ctx.planId}/cycles`, headers, payload);
    const payload = { definitionId: cycle.definitionId, year: 2027, due: '2027-11-25' };
    expect((await add(ctx.outsider, payload)).statusCode).toBe(403);
    const created = await add(ctx.coordinator, payload);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2027,
      period: '2027',
      due: '2027-11-25',
      cutoffFrom: '2026-12-15',
    });
    expect((await add(ctx.coordinator, payload)).statusCode).toBe(409);
    const outside = await add(ctx.coordinator, { ...payload, year: 2031 });
    expect(outside.statusCode).toBe(400);
    expect(JSON.stringify(outside.json())).toContain('$.body.year');
    expect(await audit('cycle.create')).toHaveLength(1);
  });

  it('adds a definition of another kind with its cycles, and deletes it with them', async () => {
    const create = await inject('POST', `/api/plans/${ctx.planId}/definitions`, ctx.coordinator, {
      kind: 'other',
      title: 'Báo cáo kết quả Tháng hành động vì bình đẳng giới',
      dueMonthDay: '12-20',
    });
    expect(create.statusCode).toBe(201);
    const def = create.json<Definition>();
    expect(def).toMatchObject({ kind: 'other', dueMonthDay: '12-20' });
    const mine = (await regime()).cycles.filter((c) => c.definitionId === def.id);
    expect(mine.map((c) => c.due)).toEqual(['2026-12-20', '2027-12-20', '2028-12-20']);
    const again = await inject('POST', `/api/plans/${ctx.planId}/definitions`, ctx.coordinator, {
      kind: 'other',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await inject('POST', `/api/plans/${ctx.planId}/definitions`, ctx.outsider, { kind: 'final' }))
        .statusCode,
    ).toBe(403);

    expect((await inject('DELETE', `/api/definitions/${def.id}`, ctx.outsider)).statusCode).toBe(403);
    const del = await inject('DELETE', `/api/definitions/${def.id}`, ctx.coordinator);
    expect(del.statusCode).toBe(200);
    const after = await regime();
    expect(after.definitions.map((d) => d.kind)).toEqual(['annual']);
    expect(after.cycles.filter((c) => c.definitionId === def.id)).toEqual([]);
    const [entry] = await audit('definition.delete');
    expect(entry).toMatchObject({ entityId: def.id, after: null });
    expect((entry!.before as { cycles: unknown[] }).cycles).toHaveLength(3);
    expect(await audit('definition.create')).toHaveLength(1);
  });

  it('refuses to delete a cycle or definition a unit has sent its report for', async () => {
    const { cycles, definitions } = await regime();
    const cycle = cycles[0]!;
    const unit = ctx.province.agency('SYT');
    await ctx.database.db.execute(
      sql`insert into report_drafts (cycle_id, org_unit_code, sent_at) values (${cycle.id}, ${unit}, ${clock.toISOString()})`,
    );
    const res = await inject('DELETE', `/api/cycles/${cycle.id}`, ctx.coordinator);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/đã có 1 báo cáo/);
    expect(
      (await inject('DELETE', `/api/definitions/${definitions[0]!.id}`, ctx.coordinator)).statusCode,
    ).toBe(409);
    expect((await regime()).cycles.map((c) => c.id)).toContain(cycle.id);
  });

  it('keeps the coordinator’s edits when the missing cycles are generated again, and brings back a deleted one', async () => {
    const before = await regime();
    const last = before.cycles.find((c) => c.year === 2028)!;
    expect((await inject('DELETE', `/api/cycles/${last.id}`, ctx.coordinator)).statusCode).toBe(200);
    expect((await regime()).cycles.map((c) => c.year)).toEqual([2026, 2027]);
    const res = await inject('POST', `/api/plans/${ctx.planId}/cycles/generate`, ctx.coordinator);
    expect(res.statusCode).toBe(200);
    const after = await regime();
    expect(after.definitions.find((d) => d.kind === 'annual')!.title).toBe(
      'Báo cáo công tác bình đẳng giới năm',
    );
    expect(after.cycles.map((c) => c.due)).toEqual(['2026-11-30', '2027-11-25', '2028-11-30']);
    // The list of who owes is stored once: the coordinator's addition stays.
    expect((await unitsOf()).units.some((u) => u.source === 'manual')).toBe(true);
    expect(await cyclesOf(ctx, ctx.planId)).toHaveLength(3);
  });
});

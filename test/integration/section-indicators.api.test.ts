import { describe, expect, it } from 'vitest';
import type { MeasureProgressView } from '../../src/modules/progress/progress.schemas.js';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { recordHolders } from '../support/factories/records.js';
import { useTestApp } from '../support/test-app.js';

/**
 * An agency's own plan (Sở Xây dựng's) with the two targets of its kind of plan that the registers answer: "trên
 * 50% các phòng, ban, trung tâm có lãnh đạo là nữ" (BDG-24) and "100% cán bộ, công chức, viên chức, người lao
 * động được phổ biến" (BDG-25). Three sections: a woman heads the first from 2024, the second has a woman as
 * deputy, the third men only. Staff 12 women and 8 men; two trainings in 2025 (one logged by a section) reached
 * 9 women and 4 men.
 */
const ctx = useTestApp({ now: () => new Date('2026-03-02T08:00:00Z') }, async (app) => {
  const province = await provinceUnits(app);
  const agency = province.agency('SXD');
  const { id: planId } = await createPlan(app, {
    province,
    published: true,
    document: { issuer: 'Sở Xây dựng', parentBody: province.committee, period: { from: 2025, to: 2025 } },
    goals: [
      {
        code: '1',
        targets: [
          { code: '1.1', measures: [{ value: 50, comparator: '>', year: 2025, indicator: 'BDG-24' }] },
          { code: '1.2', measures: [{ value: 100, comparator: '>=', year: 2025, indicator: 'BDG-25' }] },
        ],
      },
    ],
  });
  const sections: string[] = [];
  for (const name of ['Văn phòng Sở', 'Phòng Quản lý xây dựng', 'Thanh tra Sở']) {
    const res = await asAdmin(app, {
      method: 'POST',
      url: `/api/org-units/${agency}/sections`,
      payload: { name },
    });
    sections.push(expectStatus<{ code: string }>(res, 201, 'section').code);
  }
  const [office, division, inspectorate] = sections as [string, string, string];
  await recordHolders(app, office, [
    { position: 'Chánh Văn phòng', holderSex: 'male', fromDate: '2020-01-01' },
    { position: 'Chánh Văn phòng', holderSex: 'female', fromDate: '2024-07-01' },
  ]);
  await recordHolders(app, division, [
    { position: 'Trưởng phòng', holderSex: 'male', fromDate: '2020-01-01' },
    { position: 'Phó Trưởng phòng', isKeyLeader: false, holderSex: 'female', fromDate: '2022-01-01' },
  ]);
  await recordHolders(app, inspectorate, [
    { position: 'Chánh Thanh tra', holderSex: 'male', fromDate: '2020-01-01' },
  ]);
  expectStatus(
    await asAdmin(app, {
      method: 'PUT',
      url: `/api/org-units/${agency}/staff`,
      payload: { asOf: '2025-01-01', female: 12, male: 8 },
    }),
    200,
    'staff',
  );
  const training = (unit: string, date: string, participantsFemale: number, participantsMale: number) =>
    asAdmin(app, {
      method: 'POST',
      url: `/api/org-units/${unit}/activities`,
      payload: {
        kind: 'training',
        title: 'Phổ biến Luật Bình đẳng giới',
        date,
        participantsFemale,
        participantsMale,
      },
    });
  expectStatus(await training(agency, '2025-03-08', 6, 2), 201, 'training');
  expectStatus(await training(office, '2025-11-20', 3, 2), 201, 'training');
  return { province, agency, planId, sections };
});

interface Target {
  targetId: string;
  code: string;
  measures: MeasureProgressView[];
}

async function targetOf(code: string): Promise<Target> {
  const res = await ctx.app.inject(`/api/plans/${ctx.planId}/progress?year=2025`);
  const body = expectStatus<{ scope: { code: string } | null; targets: Target[] }>(res, 200, 'progress');
  expect(body.scope?.code).toBe(ctx.agency);
  return body.targets.find((t) => t.code === code)!;
}

describe('indicators computed from the sections of an agency', () => {
  it('BDG-24: two of three sections have a woman among their leaders at the end of 2025', async () => {
    const [measure] = (await targetOf('1.1')).measures;
    expect(measure!.indicator?.code).toBe('BDG-24');
    expect(measure!.latest).toMatchObject({
      period: '2025',
      numerator: 2,
      denominator: 3,
      fromRecords: true,
    });
    expect(measure!.latest!.value).toBeCloseTo(66.67, 2);
    expect(measure!.status).toBe('achieved');
  });

  it('BDG-25: trainings of the agency and its sections against its staff, by sex', async () => {
    const target = await targetOf('1.2');
    const [measure] = target.measures;
    expect(measure!.indicator?.code).toBe('BDG-25');
    expect(measure!.latest).toMatchObject({ period: '2025', value: 65, numerator: 13, denominator: 20 });
    const detail = expectStatus<{ measures: { series: { period: string; sex: string; value: number }[] }[] }>(
      await ctx.app.inject(`/api/targets/${target.targetId}/progress?year=2025`),
      200,
      'target progress',
    );
    const bySex = Object.fromEntries(
      detail.measures[0]!.series.filter((p) => p.period === '2025').map((p) => [p.sex, p.value]),
    );
    expect(bySex).toEqual({ female: 75, male: 50, total: 65 });
  });

  it('follows the register: a man heading the first section from 2025 lowers the share', async () => {
    await recordHolders(ctx, ctx.sections[0]!, [
      { position: 'Chánh Văn phòng', holderSex: 'male', fromDate: '2025-06-01' },
    ]);
    const [measure] = (await targetOf('1.1')).measures;
    expect(measure!.latest).toMatchObject({ numerator: 1, denominator: 3 });
  });
});

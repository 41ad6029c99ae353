import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

/** The demo plan (seed 004) as the coordinator of Lạng Sơn sees its reporting regime. */
const ctx = useTestApp({ demo: true, now: () => new Date('2026-12-07T08:00:00Z') }, async (app) => ({
  coordinator: await app.signIn('coordinator', '20'),
}));

interface Units {
  stored: boolean;
  units: { code: string; name: string; kind: string; source: string; included: boolean; reasons: string[] }[];
}

describe('the demo plan’s reporting regime (seed 004)', () => {
  it('has annual reports every year, the 2028 mid-term and the 2030 final review, and no 6-month report', async () => {
    const res = await ctx.app.inject({ url: `/api/plans/${ctx.demoPlanId}/cycles` });
    const { cycles, definitions } = res.json<{
      cycles: { kind: string; year: number; due: string }[];
      definitions: { kind: string; recipient: string }[];
    }>();
    expect(definitions.map((d) => d.kind)).toEqual(['annual', 'mid-term', 'final']);
    expect(cycles.filter((c) => c.kind === '6-month')).toEqual([]);
    expect(cycles.filter((c) => c.kind === 'annual').map((c) => c.due)).toEqual([
      '2026-11-30',
      '2027-11-30',
      '2028-11-30',
      '2029-11-30',
      '2030-11-30',
    ]);
    expect(cycles.filter((c) => c.kind !== 'annual').map((c) => `${c.kind} ${c.year}`)).toEqual([
      'mid-term 2028',
      'final 2030',
    ]);
  });

  it('makes the agencies given duties without a target owe the annual report, with every agency and commune', async () => {
    const { stored, units } = (
      await ctx.app.inject({ url: `/api/plans/${ctx.demoPlanId}/reporting-units` })
    ).json<Units>();
    expect(stored).toBe(true);
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const abbr of ['TTR', 'SDTTG', 'SKHCN', 'BTGDV', 'MTTQ', 'LDLD', 'TD']) {
      const unit = byCode.get(`20-${abbr}`);
      expect(unit, abbr).toMatchObject({ source: 'duty', included: true });
      expect(unit!.reasons.some((r) => r.startsWith('responsible '))).toBe(true);
    }
    // VI.14 and VI.15: every agency and every commune of the province; the province itself owes none.
    expect(units.filter((u) => u.kind === 'commune').length).toBeGreaterThanOrEqual(65);
    expect(byCode.has('20')).toBe(false);

    const { cycles } = (await ctx.app.inject({ url: `/api/plans/${ctx.demoPlanId}/cycles` })).json<{
      cycles: { id: string; kind: string; year: number }[];
    }>();
    const annual2026 = cycles.find((c) => c.kind === 'annual' && c.year === 2026)!;
    const completeness = (
      await ctx.app.inject({
        url: `/api/cycles/${annual2026.id}/completeness`,
        headers: ctx.coordinator,
      })
    ).json<{ units: { code: string }[] }>();
    const owed = new Set(completeness.units.map((u) => u.code));
    for (const abbr of ['TTR', 'SDTTG', 'SKHCN', 'BTGDV', 'MTTQ', 'LDLD', 'TD']) {
      expect(owed.has(`20-${abbr}`), abbr).toBe(true);
    }
  });
});

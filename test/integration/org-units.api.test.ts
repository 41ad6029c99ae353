import { describe, expect, it } from 'vitest';
import { compareVietnamese } from '../../src/domain/vietnamese.js';
import { ancestryOf } from '../../src/modules/auth/auth.service.js';
import { findAncestries } from '../../src/modules/org-units/org-units.repository.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The reference units (Lạng Sơn's stand for any province's), and two published plans of another province whose
 * Sở Y tế leads 3.3 and 4.1 and coordinates 3.2 of the first, and leads 1.1 of the second (a later one).
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const plans = [
    await createPlan(app, {
      province,
      published: true,
      goals: [
        {
          code: '3',
          targets: [
            { code: '3.2', coordinate: ['Sở Y tế'] },
            { code: '3.3', lead: ['Sở Y tế'] },
          ],
        },
        {
          code: '4',
          targets: [
            { code: '4.1', lead: ['Sở Y tế'] },
            { code: '4.2', lead: ['Sở Nội vụ'] },
          ],
        },
      ],
    }),
    await createPlan(app, {
      province,
      published: true,
      document: { period: { from: 2027, to: 2027 } },
      goals: [{ code: '1', targets: [{ code: '1.1', lead: ['Sở Y tế'] }] }],
    }),
  ];
  return { province, planIds: plans.map((p) => p.id) };
});

interface Unit {
  code: string;
  kind: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
}
const get = async <T>(url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>() };
};

/** The bodies that seed 004 section VI names. */
const SECTION_VI_AGENCIES = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Công an tỉnh',
  'Thanh tra tỉnh',
  'Sở Dân tộc và Tôn giáo',
  'Thống kê tỉnh',
  'Sở Khoa học và Công nghệ',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ủy ban MTTQ Việt Nam tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Liên đoàn Lao động tỉnh',
  'Tỉnh đoàn',
];

describe('org units', () => {
  it('lists Lạng Sơn’s 65 communes and its agencies, each group in Vietnamese order', async () => {
    const { status, body } = await get<{ items: Unit[] }>('/api/org-units/20/children');
    expect(status).toBe(200);
    const communes = body.items.filter((u) => u.kind === 'commune');
    const agencies = body.items.filter((u) => u.kind === 'agency');
    expect(communes).toHaveLength(65);
    expect(communes.every((c) => /^\d{5}$/.test(c.code) && c.parentCode === '20')).toBe(true);
    expect(agencies.map((a) => a.name)).toEqual(expect.arrayContaining(SECTION_VI_AGENCIES));
    expect(agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Sở Xây dựng', 'Sở Công Thương', 'Sở Nông nghiệp và Môi trường']),
    );
    for (const group of [communes, agencies]) {
      const names = group.map((u) => u.name);
      expect(names).toEqual([...names].sort(compareVietnamese));
    }
    // Vietnamese order, not code-point order: "Đ" after "D", "Ư"/"Ủ" after "U".
    const agencyNames = agencies.map((a) => a.name);
    expect(agencyNames.indexOf('Ủy ban MTTQ Việt Nam tỉnh')).toBeGreaterThan(
      agencyNames.indexOf('Tỉnh đoàn'),
    );
  });

  it('filters children by kind', async () => {
    const { body } = await get<{ items: Unit[] }>('/api/org-units/20/children?kind=agency');
    expect(body.items.length).toBeGreaterThanOrEqual(19);
    expect(body.items.every((u) => u.kind === 'agency')).toBe(true);
  });

  it('holds the official 34 provinces and 3,321 communes', async () => {
    const provinces = (await get<{ items: Unit[] }>('/api/org-units/VN/children')).body.items;
    expect(provinces).toHaveLength(34);
    let communes = 0;
    for (const p of provinces) {
      const detail = await get<{ childCounts: { commune: number } }>(`/api/org-units/${p.code}`);
      communes += detail.body.childCounts.commune;
    }
    expect(communes).toBe(3321);
  });

  it('gives a unit with its ancestors: nation → province → agency', async () => {
    const { status, body } = await get<Unit & { ancestors: Unit[]; abbreviation: string }>(
      '/api/org-units/20-SNV',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Sở Nội vụ', fullName: 'Sở Nội vụ tỉnh Lạng Sơn', kind: 'agency' });
    expect(body.ancestors.map((a) => a.code)).toEqual(['VN', '20']);
    const commune = await get<Unit & { ancestors: Unit[] }>('/api/org-units/06436');
    expect(commune.status).toBe(200);
    expect(commune.body.ancestors.map((a) => a.code)).toEqual(['VN', '20']);
  });

  it('finds units without diacritics: "lang son" → Lạng Sơn first', async () => {
    const { body } = await get<{ items: Unit[] }>('/api/org-units?q=lang%20son');
    expect(body.items[0]).toMatchObject({ code: '20', name: 'Lạng Sơn', kind: 'province' });
    const sonLa = await get<{ items: Unit[] }>('/api/org-units?q=SON%20LA&kind=province');
    expect(sonLa.body.items.map((u) => u.name)).toEqual(['Sơn La', 'Lạng Sơn']);
    const agency = await get<{ items: Unit[] }>('/api/org-units?q=so%20noi%20vu&parent=20');
    expect(agency.body.items.map((u) => u.code)).toEqual(['20-SNV']);
  });

  it('answers 404 for an unknown code and 400 for a bad kind', async () => {
    expect((await get('/api/org-units/99999')).status).toBe(404);
    expect((await get('/api/org-units/99999/children')).status).toBe(404);
    const bad = await get<{ error: { issues: { path: string }[] } }>(
      '/api/org-units/20/children?kind=district',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]!.path).toBe('$.querystring.kind');
  });

  it('lists what an agency leads and coordinates across plans', async () => {
    const { status, body } = await get<{
      items: { role: string; target: { code: string }; plan: { id: string } }[];
    }>(`/api/org-units/${ctx.province.agency('SYT')}/assignments`);
    expect(status).toBe(200);
    const [first, second] = ctx.planIds;
    const of = (role: string) =>
      body.items.filter((i) => i.role === role).map((i) => [i.plan.id, i.target.code]);
    expect(of('lead')).toEqual([
      [first, '3.3'],
      [first, '4.1'],
      [second, '1.1'],
    ]);
    expect(of('coordinate')).toEqual([[first, '3.2']]);
  });
});

describe('system', () => {
  it('reports health and serves the OpenAPI document with the stable routes', async () => {
    const health = (await get<{ status: string; database: string }>('/api/health')).body;
    expect(health.status).toBe('ok');
    // The same suite runs on PostgreSQL when TEST_DATABASE_URL is set: make sure it really does.
    expect(health.database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    const { status, body } = await get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(status).toBe(200);
    for (const p of [
      '/api/health',
      '/api/plans',
      '/api/plans/{id}',
      '/api/plans/{id}/export',
      '/api/plans/import',
      '/api/org-units/{code}',
      '/api/org-units/{code}/children',
    ]) {
      expect(Object.keys(body.paths)).toContain(p);
    }
  });
});

describe('ancestries in bulk (permission checks over many units)', () => {
  it('gives each unit its chain up to the nation in one query, and an unknown code alone', async () => {
    const ancestries = await findAncestries(ctx.database.db, [
      '05977',
      '20-SNV',
      '20',
      'VN',
      'khong-co',
      '05977',
    ]);
    expect(Object.fromEntries(ancestries)).toEqual({
      '05977': ['05977', '20', 'VN'],
      '20-SNV': ['20-SNV', '20', 'VN'],
      '20': ['20', 'VN'],
      VN: ['VN'],
      'khong-co': ['khong-co'],
    });
    for (const code of ['05977', '20-SNV', '20'])
      expect(ancestries.get(code)).toEqual(await ancestryOf(ctx.database.db, code));
  });
});

import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { provinceUnits } from '../support/factories/org-units.js';
import type { SessionHeaders } from '../support/factories/app.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Sections (phòng, ban, trung tâm, văn phòng) inside an agency: added, renamed and removed by the agency's
 * coordinator or its own approver, with codes that are never reused, and with their own leadership register and
 * staff counts, kept by the agency's reporter.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const agency = province.agency('SXD');
  const other = province.agency('SYT');
  return {
    province,
    agency,
    other,
    coordinator: await app.signIn('coordinator', province.code),
    approver: await app.signIn('approver', agency),
    reporter: await app.signIn('reporter', agency),
    otherApprover: await app.signIn('approver', other),
  };
});

interface Unit {
  code: string;
  kind: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
}

const send = (by: SessionHeaders, options: InjectOptions) =>
  ctx.app.inject({ ...options, headers: { ...options.headers, ...by } });
const add = (by: SessionHeaders, name: string, unit = ctx.agency) =>
  send(by, { method: 'POST', url: `/api/org-units/${unit}/sections`, payload: { name } });
const sectionsOf = async (unit: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/org-units/${unit}/children?kind=section` })).json<{
    items: Unit[];
  }>().items;
const auditOf = async (action: string) =>
  (
    await send(ctx.coordinator, { method: 'GET', url: `/api/audit?unit=${ctx.agency}&action=${action}` })
  ).json<{
    items: { entityId: string; orgUnitCode: string; before: unknown; after: unknown }[];
  }>().items;

describe('sections of an agency', () => {
  it('are added by the coordinator and the agency’s approver, numbered under the agency', async () => {
    const first = await add(ctx.coordinator, 'Văn phòng Sở');
    expect(first.statusCode).toBe(201);
    expect(first.json<Unit>()).toMatchObject({
      code: `${ctx.agency}-1`,
      kind: 'section',
      name: 'Văn phòng Sở',
      type: 'Văn phòng',
      parentCode: ctx.agency,
    });
    expect(first.json<Unit>().fullName).toContain('Sở Xây dựng');
    const second = await add(ctx.approver, '  Phòng   Quản lý xây dựng ');
    expect(second.statusCode).toBe(201);
    expect(second.json<Unit>()).toMatchObject({
      code: `${ctx.agency}-2`,
      name: 'Phòng Quản lý xây dựng',
      type: 'Phòng',
    });
    expect((await sectionsOf(ctx.agency)).map((s) => s.name)).toEqual([
      'Phòng Quản lý xây dựng',
      'Văn phòng Sở',
    ]);
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/org-units/${ctx.agency}` })).json<{
      childCounts: { section: number };
    }>();
    expect(detail.childCounts.section).toBe(2);
    const audit = await auditOf('section.add');
    expect(audit.map((a) => a.entityId)).toEqual(
      expect.arrayContaining([`${ctx.agency}-1`, `${ctx.agency}-2`]),
    );
  });

  it('refuses the agency’s reporter, another agency’s approver, a second section of the same name', async () => {
    expect((await add(ctx.reporter, 'Thanh tra Sở')).statusCode).toBe(403);
    expect((await add(ctx.otherApprover, 'Thanh tra Sở')).statusCode).toBe(403);
    expect((await add(ctx.coordinator, 'VĂN PHÒNG SỞ')).statusCode).toBe(409);
    expect((await add(ctx.coordinator, 'Phòng', ctx.province.code)).statusCode).toBe(400);
  });

  it('renames a section, keeping its code; never another agency’s', async () => {
    const renamed = await send(ctx.approver, {
      method: 'PATCH',
      url: `/api/org-units/${ctx.agency}/sections/${ctx.agency}-2`,
      payload: { name: 'Phòng Quản lý xây dựng và Hạ tầng' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Unit>()).toMatchObject({
      code: `${ctx.agency}-2`,
      name: 'Phòng Quản lý xây dựng và Hạ tầng',
    });
    const wrongParent = await send(ctx.coordinator, {
      method: 'PATCH',
      url: `/api/org-units/${ctx.other}/sections/${ctx.agency}-2`,
      payload: { name: 'Phòng khác' },
    });
    expect(wrongParent.statusCode).toBe(404);
    const [audit] = await auditOf('section.rename');
    expect(audit).toMatchObject({
      entityId: `${ctx.agency}-2`,
      before: { name: 'Phòng Quản lý xây dựng' },
      after: { name: 'Phòng Quản lý xây dựng và Hạ tầng' },
    });
  });

  it('keeps a leadership register and staff counts per section, entered by the agency’s reporter', async () => {
    const section = `${ctx.agency}-1`;
    const term = await send(ctx.reporter, {
      method: 'POST',
      url: `/api/org-units/${section}/leadership`,
      payload: {
        position: 'Chánh Văn phòng',
        isKeyLeader: true,
        holderSex: 'female',
        fromDate: '2025-07-01',
      },
    });
    expect(term.statusCode).toBe(201);
    const staff = await send(ctx.reporter, {
      method: 'PUT',
      url: `/api/org-units/${section}/staff`,
      payload: { asOf: '2025-12-31', female: 6, male: 4 },
    });
    expect(staff.statusCode).toBe(200);
    const terms = (
      await ctx.app.inject({ method: 'GET', url: `/api/org-units/${section}/leadership` })
    ).json<{
      items: { position: string; holderSex: string }[];
    }>().items;
    expect(terms).toEqual([expect.objectContaining({ position: 'Chánh Văn phòng', holderSex: 'female' })]);
    // Another agency's approver has no say in it.
    const refused = await send(ctx.otherApprover, {
      method: 'PUT',
      url: `/api/org-units/${section}/staff`,
      payload: { asOf: '2025-12-31', female: 1, male: 1 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('removes a section without records, keeps one with records, and never reuses a code', async () => {
    const kept = await send(ctx.coordinator, {
      method: 'DELETE',
      url: `/api/org-units/${ctx.agency}/sections/${ctx.agency}-1`,
    });
    expect(kept.statusCode).toBe(409);
    const removed = await send(ctx.approver, {
      method: 'DELETE',
      url: `/api/org-units/${ctx.agency}/sections/${ctx.agency}-2`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await sectionsOf(ctx.agency)).map((s) => s.code)).toEqual([`${ctx.agency}-1`]);
    expect((await auditOf('section.remove'))[0]).toMatchObject({
      entityId: `${ctx.agency}-2`,
      orgUnitCode: ctx.agency,
    });
    const again = await add(ctx.coordinator, 'Phòng Quản lý xây dựng');
    expect(again.json<Unit>().code).toBe(`${ctx.agency}-3`);
  });
});

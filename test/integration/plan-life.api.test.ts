import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { requestAs, signInAs } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan, exportedPlan, planDocument } from '../support/factories/plans.js';

/**
 * A plan's life on plans that are not the demo: imported by the province's coordinator, published and unpublished,
 * its draft identity replaced by the issued one, imported again as a new version, its reports read before it is
 * public.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const other = await provinceUnits(app);
  const coordinator = await signInAs(app, 'coordinator', province.code);
  const foreignCoordinator = await signInAs(app, 'coordinator', other.code);
  const snv = province.agency('SNV');
  const commune = province.communes[0]!.code;
  return { province, other, coordinator, foreignCoordinator, snv, commune };
});

const importAs = (by: Parameters<typeof requestAs>[2], payload: unknown, query = '') =>
  requestAs(ctx, { method: 'POST', url: `/api/plans/import${query}`, payload: payload as object }, by);

const anonymous = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('publishing', () => {
  it('a province coordinator imports a plan, which stays private until published, then anyone reads it', async () => {
    const doc = planDocument({ province: ctx.province, targets: [{ code: '1.1', lead: ['Sở Nội vụ'] }] });
    const { id } = expectStatus<{ id: string }>(await importAs(ctx.coordinator, doc), 201, 'import');
    expect((await anonymous(`/api/plans/${id}`)).statusCode).toBe(404);
    expect(
      (await anonymous('/api/plans')).json<{ items: { id: string }[] }>().items.map((p) => p.id),
    ).not.toContain(id);

    // Another province's coordinator may not publish it.
    const foreign = await requestAs(
      ctx,
      { method: 'POST', url: `/api/plans/${id}/publish` },
      ctx.foreignCoordinator,
    );
    expect(foreign.statusCode).toBe(403);

    const published = await requestAs(
      ctx,
      { method: 'POST', url: `/api/plans/${id}/publish` },
      ctx.coordinator,
    );
    expect(expectStatus<{ published: boolean }>(published, 200, 'publish').published).toBe(true);
    const seen = await anonymous(`/api/plans/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ published: boolean; document: { title: string } }>()).toMatchObject({
      published: true,
      document: { title: doc.document.title },
    });

    const unpublished = await requestAs(
      ctx,
      { method: 'POST', url: `/api/plans/${id}/unpublish` },
      ctx.coordinator,
    );
    expect(unpublished.statusCode).toBe(200);
    expect((await anonymous(`/api/plans/${id}`)).statusCode).toBe(404);

    const trail = await requestAs(ctx, { method: 'GET', url: `/api/plans/${id}/history` }, ctx.coordinator);
    const actions = expectStatus<{ items: { action: string }[] }>(trail, 200, 'history').items.map(
      (i) => i.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['plan.import', 'plan.publish', 'plan.unpublish']));
  });

  it('does not show anonymous callers the titles of unpublished plans that implement a published one', async () => {
    const parent = await createPlan(ctx, { province: ctx.province, published: true });
    const child = planDocument({
      province: ctx.province,
      document: {
        issuer: 'Sở Nội vụ',
        parentBody: ctx.province.committee,
        title: 'Kế hoạch riêng của Sở Nội vụ',
      },
      references: [{ relation: 'implements', planId: parent.id }],
    });
    const { id: childId } = expectStatus<{ id: string }>(
      await importAs(ctx.coordinator, child),
      201,
      'import',
    );
    const read = (by?: Parameters<typeof requestAs>[2]) =>
      by
        ? requestAs(ctx, { method: 'GET', url: `/api/plans/${parent.id}` }, by)
        : anonymous(`/api/plans/${parent.id}`);
    const childrenSeen = async (by?: Parameters<typeof requestAs>[2]) =>
      (await read(by)).json<{ children: { id: string; title: string }[] }>().children.map((c) => c.id);
    expect(await childrenSeen()).toEqual([]);
    expect(await childrenSeen(ctx.coordinator)).toEqual([childId]);
  });

  it("a unit's approver drafts its own plan and publishes it; a reporter may not publish", async () => {
    const parent = await createPlan(ctx, {
      province: ctx.province,
      published: true,
      targets: [{ code: '1.1', lead: ['Sở Nội vụ'] }],
    });
    const approver = await signInAs(ctx, 'approver', ctx.snv);
    const reporter = await signInAs(ctx, 'reporter', ctx.snv);
    const drafted = await requestAs(
      ctx,
      { method: 'POST', url: `/api/plans/${parent.id}/drafts`, payload: { unit: ctx.snv, year: 2027 } },
      approver,
    );
    const { id } = expectStatus<{ id: string }>(drafted, 201, 'draft');
    const publish = (by: Parameters<typeof requestAs>[2]) =>
      requestAs(ctx, { method: 'POST', url: `/api/plans/${id}/publish` }, by);
    expect((await publish(reporter)).statusCode).toBe(403);
    expect((await publish(approver)).statusCode).toBe(200);
    expect((await anonymous(`/api/plans/${id}`)).statusCode).toBe(200);
  });
});

describe("a plan's identity", () => {
  it('a draft becomes the issued plan, keeping its figures and history; the same number again is 409 unless it replaces the plan', async () => {
    const doc = planDocument({
      province: ctx.province,
      document: { number: null, date: '2026-04' },
      targets: [{ code: '1.1', measures: [{ indicator: 'BDG-02' }], lead: ['Sở Nội vụ'] }],
    });
    const { id } = expectStatus<{ id: string }>(await importAs(ctx.coordinator, doc), 201, 'import');
    await recordFigures(ctx, [
      { indicator: 'BDG-02', orgUnit: ctx.province.code, period: '2026', value: 40 },
    ]);
    await acceptFigures(ctx, { planId: id, period: '2026', units: [ctx.province.code] });
    const progressBefore = await requestAs(
      ctx,
      { method: 'GET', url: `/api/plans/${id}/progress?year=2026` },
      ctx.coordinator,
    );
    const latest = (res: typeof progressBefore) =>
      res.json<{ targets: { measures: { latest: { value: number } | null }[] }[] }>().targets[0]!.measures[0]!
        .latest;
    expect(latest(progressBefore)?.value).toBe(40);

    const { version } = (
      await requestAs(ctx, { method: 'GET', url: `/api/plans/${id}` }, ctx.coordinator)
    ).json<{ version: number }>();
    const identity = (payload: object) =>
      requestAs(ctx, { method: 'PATCH', url: `/api/plans/${id}/identity`, payload }, ctx.coordinator);
    const bad = await identity({ number: '158', symbol: 'KH-UBND', date: '26/4/2026', version });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('$.body.date');
    const issued = await identity({ number: '158', symbol: 'KH-UBND', date: '2026-04-26', version });
    expect(issued.statusCode).toBe(200);
    const stale = await identity({ number: '159', symbol: 'KH-UBND', date: '2026-04-26', version });
    expect(stale.statusCode).toBe(409);

    const exported = await exportedPlan(ctx, id, ctx.coordinator);
    expect(exported.document).toMatchObject({ number: '158', symbol: 'KH-UBND', date: '2026-04-26' });
    const progressAfter = await requestAs(
      ctx,
      { method: 'GET', url: `/api/plans/${id}/progress?year=2026` },
      ctx.coordinator,
    );
    expect(latest(progressAfter)?.value).toBe(40);

    // The issued document imported again: refused, naming the plan, until the request says it replaces it.
    const again = await importAs(ctx.coordinator, exported);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(id);
    const revised = {
      ...exported,
      goals: exported.goals.map((g) => ({ ...g, title: `${g.title} (sửa đổi)` })),
    };
    const replaced = await importAs(ctx.coordinator, revised, `?replaces=${id}`);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<{ id: string }>().id).toBe(id);
    expect((await exportedPlan(ctx, id, ctx.coordinator)).goals[0]!.title).toMatch(/sửa đổi/u);
    expect(
      latest(
        await requestAs(ctx, { method: 'GET', url: `/api/plans/${id}/progress?year=2026` }, ctx.coordinator),
      )?.value,
    ).toBe(40);

    const history = await requestAs(ctx, { method: 'GET', url: `/api/plans/${id}/history` }, ctx.coordinator);
    const entries = expectStatus<{ items: { action: string; before: unknown; after: unknown }[] }>(
      history,
      200,
      'history',
    ).items;
    expect(entries.find((e) => e.action === 'plan.identity')).toMatchObject({
      before: { number: null, date: '2026-04' },
      after: { number: '158', symbol: 'KH-UBND', date: '2026-04-26' },
    });
    expect(entries.map((e) => e.action)).toContain('plan.replace');

    // Replacing needs the right to manage the replaced plan as well.
    const foreign = await importAs(
      ctx.foreignCoordinator,
      { ...revised, document: { ...revised.document, number: '777' } },
      `?replaces=${id}`,
    );
    expect(foreign.statusCode).toBe(403);
  });
});

describe('reports of a plan that is not published', () => {
  it('download for whoever may read the unit, and stay closed to others', async () => {
    const plan = await createPlan(ctx, {
      province: ctx.province,
      cycles: true,
      targets: [{ code: '1.1', measures: [{ indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] }],
    });
    const cycles = expectStatus<{ cycles: { id: string; kind: string }[] }>(
      await requestAs(ctx, { method: 'GET', url: `/api/plans/${plan.id}/cycles` }, ctx.coordinator),
      200,
      'cycles',
    ).cycles;
    const cycle = cycles.find((c) => c.kind === 'annual')!;
    for (const ext of ['docx', 'xlsx']) {
      const url = `/api/cycles/${cycle.id}/reports/${ctx.snv}/${ext === 'docx' ? 'report.docx' : 'appendix.xlsx'}`;
      const admin = await requestAs(ctx, { method: 'GET', url });
      expect(admin.statusCode, `${ext} as admin`).toBe(200);
      expect(admin.rawPayload.length).toBeGreaterThan(1000);
      const own = await requestAs(ctx, { method: 'GET', url }, ctx.coordinator);
      expect(own.statusCode, `${ext} as the coordinator`).toBe(200);
      const foreign = await requestAs(ctx, { method: 'GET', url }, ctx.foreignCoordinator);
      expect(foreign.statusCode, `${ext} as another province`).toBe(403);
    }
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDocument } from '../support/factories/plans.js';
import { text, useBrowserHarness } from './harness.js';
import { apiSession, signIn, signOut } from './session.js';

const h = useBrowserHarness();

describe('publishing a plan that is not the demo', () => {
  it('the coordinator publishes an imported plan, downloads its report, and an anonymous visitor then sees it', async () => {
    // A plan of Sở Xây dựng Lạng Sơn, as its binhdang.plan/1 file.
    const coordinator = await apiSession(h.url, 'snv.langson');
    const doc = planDocument({
      province: { name: 'Lạng Sơn', committee: 'UBND tỉnh Lạng Sơn' },
      document: {
        issuer: 'Sở Xây dựng',
        parentBody: 'UBND tỉnh Lạng Sơn',
        symbol: 'KH-SXD',
        title: 'Triển khai thực hiện công tác bình đẳng giới của Sở Xây dựng năm 2026',
        period: { from: 2026, to: 2026 },
      },
      targets: [{ code: '1.1', lead: ['Sở Xây dựng'] }],
      deadlines: [
        {
          report: 'annual',
          due: '2026-11-30',
          before: true,
          recipient: 'Sở Nội vụ',
          text: 'báo cáo năm trước ngày 30/11/2026',
        },
      ],
    });
    // Imported from its file on the plan list by the province's coordinator.
    await signIn(h.page, h.url, 'snv.langson');
    await h.page.goto(`${h.url}/`);
    const file = {
      name: 'ke-hoach.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    };
    await h.page.getByTestId('plan-import').locator('input[type=file]').setInputFiles(file);
    await h.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/u);
    const id = new URL(h.page.url()).pathname.split('/').pop()!;
    await h.page.getByTestId('plan-published').waitFor();

    // The same file again: the plan is named, and the coordinator may update it instead of adding a copy.
    await h.page.goto(`${h.url}/`);
    await h.page.getByTestId('plan-import').locator('input[type=file]').setInputFiles(file);
    expect(await text(h.page.getByTestId('plan-import-conflict'))).toContain(doc.document.title);
    await h.page.getByTestId('plan-import-replace').click();
    await h.page.waitForURL(`${h.url}/plans/${id}`);

    // Not public yet: an anonymous visitor (another browser) finds nothing.
    const visitor = await h.browser.newPage();
    await visitor.goto(`${h.url}/plans/${id}`);
    await visitor.getByTestId('not-found').waitFor();
    await visitor.close();

    await h.page.getByTestId('plan-published').waitFor();
    expect(await text(h.page.getByTestId('plan-published'))).toBe('Chưa công bố');
    await h.page.getByTestId('plan-publish').click();
    await h.page.getByTestId('plan-unpublish').waitFor();
    expect(await text(h.page.getByTestId('plan-published'))).toBe('Đã công bố');
    expect(await text(h.page.getByTestId('plan-publishing-message'))).toBe('Đã công bố kế hoạch.');

    // Its report for the year, as Sở Xây dựng owes it, downloads as DOCX.
    const { cycles } = (await coordinator.get(`/api/plans/${id}/cycles`)) as {
      cycles: { id: string; kind: string; due: string }[];
    };
    const annual = cycles.find((c) => c.kind === 'annual')!;
    await h.page.goto(`${h.url}/cycles/${annual.id}/reports/20-SXD`);
    const link = h.page.getByTestId('download-docx');
    await link.waitFor();
    const [download] = await Promise.all([h.page.waitForEvent('download'), link.click()]);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);

    await signOut(h.page);
    await h.page.goto(`${h.url}/plans/${id}`);
    await h.page.getByTestId('plan-identity').waitFor();
    expect(await text(h.page.locator('h1'))).toContain('Sở Xây dựng năm 2026');
    // A visitor sees that it is public, and no button to change that.
    expect(await h.page.getByTestId('plan-publish').count()).toBe(0);
    expect(await h.page.getByTestId('plan-unpublish').count()).toBe(0);
  });

  it('the coordinator asks the province for 6-month reports, and a plan imported afterwards gets them', async () => {
    await signIn(h.page, h.url, 'snv.langson');
    await h.page.goto(`${h.url}/org-units/20`);
    await h.page.getByTestId('reporting-settings').waitFor();
    await h.page.getByTestId('reporting-settings-six-month').check();
    await h.page.getByTestId('reporting-settings-save').click();
    await h.page.getByText('Đã lưu. Các kỳ báo cáo tạo từ nay theo chế độ này.').waitFor();

    const coordinator = await apiSession(h.url, 'snv.langson');
    const doc = planDocument({
      province: { name: 'Lạng Sơn', committee: 'UBND tỉnh Lạng Sơn' },
      document: {
        issuer: 'Sở Y tế',
        parentBody: 'UBND tỉnh Lạng Sơn',
        symbol: 'KH-SYT',
        period: { from: 2027, to: 2027 },
      },
      targets: [{ code: '1.1', lead: ['Sở Y tế'] }],
    });
    const imported = await coordinator.post('/api/plans/import', doc);
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    const { cycles } = (await coordinator.get(`/api/plans/${id}/cycles`)) as { cycles: { kind: string }[] };
    expect(cycles.map((c) => c.kind).sort()).toEqual(['6-month', 'annual']);
  });
});

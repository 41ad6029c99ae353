import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { elements, openDocx, textOf } from '../support/docx.js';
import { cyclesOf } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The demo's milestones, read in the four places that show them: 4.4 (a provincial health facility with
 * services for …, figure 0 → not started) and 5.1 (gender in the curriculum, 0.5 → in progress).
 */
const ctx = useTestApp({ demo: true, now: () => new Date('2026-12-07T08:00:00Z') }, async (app) => {
  const cycles = await cyclesOf(app, app.demoPlanId!);
  return {
    cycleId: cycles.find((c) => c.kind === 'annual' && c.year === 2026)!.id,
    coordinator: await app.signIn('coordinator', '20'),
  };
});

const EXPECTED = { '4.4': 'chưa thực hiện', '5.1': 'đang thực hiện' } as const;
const report = (file: string) =>
  ctx.app.inject({ url: `/api/cycles/${ctx.cycleId}/reports/20/${file}`, headers: ctx.coordinator });

describe('milestones read the same everywhere', () => {
  it('in the progress the dashboard shows: the status and the figure in words', async () => {
    const progress = (
      await ctx.app.inject(`/api/plans/${ctx.demoPlanId}/progress?year=2026`)
    ).json<PlanProgress>();
    for (const [code, words] of Object.entries(EXPECTED)) {
      const m = progress.targets.find((t) => t.code === code)!.measures[0]!;
      expect(m.status, code).toBe(words === 'chưa thực hiện' ? 'not_started' : 'in_progress');
      expect(m.explanation.vi.toLowerCase(), code).toContain(words);
    }
  });

  it('in the report content, the DOCX and the XLSX appendix', async () => {
    const content = (await report('document')).json<{
      document: {
        goals: {
          targets: { code: string; measures: { latest: { total: string | null }; status: string }[] }[];
        }[];
      };
    }>().document;
    const targets = content.goals.flatMap((g) => g.targets);

    const docx = await openDocx((await report('report.docx')).rawPayload);
    const docxRows = elements(docx.document, 'w:tr').map(textOf);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await report('appendix.xlsx')).rawPayload as unknown as ArrayBuffer);
    const xlsxRows: string[] = [];
    book.getWorksheet('Phụ lục')!.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      xlsxRows.push(cells.join(' | '));
    });

    for (const [code, words] of Object.entries(EXPECTED)) {
      const measure = targets.find((t) => t.code === code)!.measures[0]!;
      expect(measure.latest.total, code).toBe(words);
      const inDocx = docxRows.find((r) => r.includes(`${code}.`) || r.startsWith(code));
      const inXlsx = xlsxRows.find((r) => r.includes(` ${code}`) || r.includes(`${code}.`));
      for (const [where, row] of [
        ['docx', inDocx],
        ['xlsx', inXlsx],
      ] as const) {
        expect(row, `${code} ${where}`).toBeDefined();
        expect(row, `${code} ${where}`).toContain(words);
        expect(row, `${code} ${where}`).not.toContain('đạt mốc');
      }
    }
  });
});

/**
 * Renders DOCX files through LibreOffice and checks the fonts:
 *   npx tsx scripts/render-check.ts [--out DIR] [--pages 1-4] [file.docx …]
 * Without a file it renders the demo reports first: the province's and Sở Y tế's 2026 annual reports, from the
 * demo data on an in-memory database (the CI check), the reports of seed 001 (a plan that is not the demo), the
 * drafted and imported plans, and the sample fixtures.
 * Prints the embedded fonts and the PNG paths; exits 1 when a conversion fails or a fallback font appears.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkDocxRendering, RenderCheckError } from '../src/modules/reports/render-check.js';
import { renderReportDocx } from '../src/modules/reports/report-docx.js';
import { sampleReportDocument } from '../src/modules/reports/report-fixture.js';
import type { ReportDocument } from '../src/modules/reports/report-document.js';
import { buildReportDocument } from '../src/modules/reports/reports.service.js';
import { systemClock } from '../src/core/clock.js';
import { openDatabase } from '../src/db/connection.js';
import { ensureReferenceData } from '../src/db/reference/reference-data.js';
import { loadDemoData } from '../src/demo/demo.js';
import { findCycles } from '../src/modules/reporting/reporting.repository.js';
import { draftSubordinatePlan, planDraftDocument } from '../src/modules/plan-drafts/plan-drafts.service.js';
import { renderPlanDraftDocx } from '../src/modules/plan-drafts/plan-docx.js';
import type { PlanDraftDocument } from '../src/modules/plan-drafts/plan-draft-document.js';
import { sampleDecision, sampleLetter } from '../src/modules/plan-drafts/plan-draft-fixture.js';
import { findPlan } from '../src/modules/plans/plans.repository.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.repository.js';
import { importPlan } from '../src/modules/plans/plans.service.js';
import { ensureCycles } from '../src/modules/reporting/reporting.service.js';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, pages: { type: 'string' } },
  });
  const outDir = values.out ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'binhdang-render-')));
  await fs.mkdir(outDir, { recursive: true });
  const pages = /^(\d+)(?:-(\d+))?$/.exec(values.pages ?? '1-2');
  if (!pages) throw new Error(`--pages wants "first-last", e.g. 1-4 (got ${values.pages})`);
  const firstPage = Number(pages[1]);
  const lastPage = Number(pages[2] ?? pages[1]);

  const files = [...positionals];
  if (files.length === 0) {
    const documents: [string, ReportDocument][] = [['sample-report', sampleReportDocument()]];
    const planDrafts: [string, PlanDraftDocument][] = [
      ['sample-cong-van', sampleLetter()],
      ['sample-quyet-dinh', sampleDecision()],
    ];
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await ensureReferenceData(handle.db);
      const { planIds } = await loadDemoData(handle.db, systemClock);
      const annual = (await findCycles(handle.db, planIds[0]!)).find(
        (c) => c.kind === 'annual' && c.year === 2026,
      )!;
      const deps = { db: handle.db, now: systemClock, filesDir: outDir };
      for (const unit of ['20', '20-SYT', '05977']) {
        documents.push([`demo-report-${unit}-2026`, (await buildReportDocument(deps, annual.id, unit)).doc]);
      }
      // A plan that is not the demo: seed 001 (Sở Xây dựng, Bình Phước, now Đồng Nai), its 6-month and annual reports.
      const seed001 = await importPlan(
        { db: handle.db, now: systemClock },
        JSON.parse(
          await fs.readFile(
            new URL(
              '../test/support/fixtures/seed-001-so-xay-dung-binh-phuoc-2024.plan.json',
              import.meta.url,
            ),
            'utf8',
          ),
        ),
      );
      for (const c of await ensureCycles({ db: handle.db, now: systemClock }, seed001, null)) {
        documents.push([
          `seed-001-report-75-SXD-${c.period}`,
          (await buildReportDocument(deps, c.id, '75-SXD')).doc,
        ]);
      }
      // Sở Y tế's 2027 plan drafted from the provincial plan (a KẾ HOẠCH).
      const draftId = await draftSubordinatePlan(
        { db: handle.db, now: systemClock },
        SYSTEM_ACTOR,
        planIds[0]!,
        {
          unit: '20-SYT',
          year: 2027,
        },
      );
      planDrafts.push([
        'demo-plan-20-SYT-2027',
        await planDraftDocument({ db: handle.db }, (await findPlan(handle.db, draftId))!),
      ]);
      // Công an tỉnh's 2027 plan (its own letterhead, "BỘ CÔNG AN"), and the provincial plan as imported.
      const policeId = await draftSubordinatePlan(
        { db: handle.db, now: systemClock },
        SYSTEM_ACTOR,
        planIds[0]!,
        {
          unit: '20-CA',
          year: 2027,
        },
      );
      planDrafts.push(
        [
          'demo-plan-20-CA-2027',
          await planDraftDocument({ db: handle.db }, (await findPlan(handle.db, policeId))!),
        ],
        [
          'demo-plan-20-2026-2030',
          await planDraftDocument({ db: handle.db }, (await findPlan(handle.db, planIds[0]!))!),
        ],
      );
    } finally {
      await handle.close();
    }
    const rendered: [string, () => Promise<Buffer>][] = [
      ...documents.map(([n, d]) => [n, () => renderReportDocx(d)] as [string, () => Promise<Buffer>]),
      ...planDrafts.map(([n, d]) => [n, () => renderPlanDraftDocx(d)] as [string, () => Promise<Buffer>]),
    ];
    for (const [name, render] of rendered) {
      const t0 = performance.now();
      const bytes = await render();
      const file = path.join(outDir, `${name}.docx`);
      await fs.writeFile(file, bytes);
      console.log(`rendered ${file} (${bytes.length} bytes) in ${Math.round(performance.now() - t0)} ms`);
      files.push(file);
    }
  }

  let failed = 0;
  for (const file of files) {
    const t0 = performance.now();
    try {
      const r = await checkDocxRendering(file, outDir, { firstPage, lastPage });
      console.log(`OK ${file} (${Math.round(performance.now() - t0)} ms)`);
      console.log(`  pdf:   ${r.pdf}`);
      console.log(`  fonts: ${r.fonts.join(', ')}`);
      for (const png of r.pngs) console.log(`  png:   ${png}`);
    } catch (err) {
      failed++;
      console.error(`FAILED ${file}: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof RenderCheckError && err.result) {
        console.error(`  fonts: ${err.result.fonts.join(', ')}`);
        for (const png of err.result.pngs) console.error(`  png:   ${png}`);
      }
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { listPlanRows } from '../plans/plans.repository.js';
import { planToDocument } from '../plans/plans.service.js';
import { EXPORTED_TABLES, readFigurePage, readTablePage, type ExportedTable } from './export.repository.js';

export type ExportFormat = 'csv' | 'json';

export const EXPORT_FORMAT = 'binhdang.export/1';

/** Rows read at a time: the export's memory stays that of a page, whatever the data set. */
const PAGE = 10_000;

export interface ExportDeps {
  db: Database;
  now: Clock;
  progress?: (line: string) => void;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  createdAt: string;
  dataFormat: ExportFormat;
  files: { path: string; rows: number; description: string }[];
}

/** A value as a CSV cell: text as is, numbers and flags as written, time stamps in ISO form, JSON for structures. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string'
        ? value
        : typeof value === 'bigint'
          ? value.toString()
          : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table written as CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese) or as a JSON array. */
class TableFile {
  private readonly out: fs.WriteStream;
  private columns: string[] | null = null;
  rows = 0;

  constructor(
    readonly file: string,
    private readonly format: ExportFormat,
  ) {
    this.out = fs.createWriteStream(file);
  }

  private async put(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async write(rows: Record<string, unknown>[]): Promise<void> {
    for (const row of rows) {
      if (this.format === 'json') {
        await this.put(`${this.rows === 0 ? '[\n' : ',\n'}${JSON.stringify(row)}`);
      } else {
        if (!this.columns) {
          this.columns = Object.keys(row);
          await this.put(`\uFEFF${this.columns.map(cell).join(',')}\r\n`);
        }
        await this.put(`${this.columns.map((c) => cell(row[c])).join(',')}\r\n`);
      }
      this.rows++;
    }
  }

  async close(): Promise<void> {
    if (this.format === 'json') await this.put(this.rows === 0 ? '[]\n' : '\n]\n');
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Writes everything Bình Đẳng holds as files a spreadsheet or another system reads, into `dir` (new or empty):
 * every plan as binhdang.plan/1, an index of the plans, every figure with its disaggregation, state and source,
 * the registers, the activity log and the audit trail, and manifest.json listing them with their row counts.
 * Accounts (and their password hashes) and sessions are not exported.
 */
export async function writeExport(
  dir: string,
  format: ExportFormat,
  deps: ExportDeps,
): Promise<ExportManifest> {
  const progress = deps.progress ?? (() => undefined);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new Error(
      `Thư mục ${dir} không trống: chọn một thư mục mới / the folder is not empty: choose a new one`,
    );
  fs.mkdirSync(path.join(dir, 'plans'), { recursive: true });
  const files: ExportManifest['files'] = [];
  const table = async (
    name: string,
    description: string,
    fill: (file: TableFile) => Promise<void>,
  ): Promise<void> => {
    const file = new TableFile(path.join(dir, `${name}.${format}`), format);
    try {
      await fill(file);
    } finally {
      await file.close();
    }
    files.push({ path: `${name}.${format}`, rows: file.rows, description });
    progress(`  ${name}: ${file.rows} dòng / rows`);
  };

  const plans = await listPlanRows(deps.db);
  for (const { plan } of plans) {
    const document = await planToDocument({ db: deps.db }, plan);
    const name = `plans/${plan.id}.plan.json`;
    fs.writeFileSync(path.join(dir, name), `${JSON.stringify(document, null, 2)}\n`);
    files.push({ path: name, rows: 1, description: `${plan.title} (binhdang.plan/1)` });
  }
  await table('plans', 'Danh sách kế hoạch / plans, each in plans/<id>.plan.json', (file) =>
    file.write(
      plans.map(({ plan, issuerUnitName, goals, targets, measures }) => ({
        id: plan.id,
        file: `plans/${plan.id}.plan.json`,
        type: plan.docType,
        number: plan.number,
        symbol: plan.symbol,
        issuer: plan.issuer,
        issuer_unit: plan.issuerUnitCode,
        issuer_unit_name: issuerUnitName,
        title: plan.title,
        period_from: plan.periodFrom,
        period_to: plan.periodTo,
        goals,
        targets,
        measures,
      })),
    ),
  );
  await table(
    'figures',
    'Số liệu / figures: disaggregation, value, parts, source, version, state of the reporting unit’s year',
    async (file) => {
      for (let after: string | null = null; ;) {
        const page = await readFigurePage(deps.db, after, PAGE);
        await file.write(page);
        if (page.length < PAGE) break;
        after = page.at(-1)!.id as string;
      }
    },
  );
  for (const [name, description] of Object.entries(EXPORTED_TABLES) as [ExportedTable, string][]) {
    await table(name, description, async (file) => {
      for (let after: string | number | null = null; ;) {
        const page = await readTablePage(deps.db, name, after, PAGE);
        await file.write(page);
        if (page.length < PAGE || !('id' in page.at(-1)!)) break;
        after = page.at(-1)!.id as string | number;
      }
    });
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    createdAt: deps.now().toISOString(),
    dataFormat: format,
    files,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

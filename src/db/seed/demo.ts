import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../connection.js';
import { hasAnyPlan, importPlan } from '../../modules/plans/plans.service.js';
import { parseObservationCsv } from '../../modules/observations/observations.csv.js';
import { recordObservations } from '../../modules/observations/observations.service.js';

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

/** Demo plans, transcribed by hand from real documents, and illustrative figures 2021–2025; marked as demo. */
export const DEMO_PLAN_FILES = ['lang-son-2026-2030.plan.json'];

/** Loads the demo plans into an empty database; a database that holds any plan is left alone. */
export async function loadDemoData(db: Database): Promise<{ loaded: boolean; planIds: string[] }> {
  if (await hasAnyPlan({ db })) return { loaded: false, planIds: [] };
  const planIds: string[] = [];
  for (const file of DEMO_PLAN_FILES) {
    const doc: unknown = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'));
    planIds.push(await importPlan({ db }, doc, { isDemo: true }));
  }
  const { rows, locale } = parseObservationCsv(
    fs.readFileSync(path.join(DEMO_DIR, 'observations.csv'), 'utf8'),
  );
  await recordObservations({ db }, rows, { locale, mode: 'all', acknowledgeWarnings: true, isDemo: true });
  return { loaded: true, planIds };
}

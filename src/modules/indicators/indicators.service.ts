import { notFound } from '../../core/errors.js';
import type { Executor } from '../../db/connection.js';
import { findIndicatorsByCodes, listIndicatorRows, type IndicatorRow } from './indicators.repository.js';

export interface IndicatorDeps {
  db: Executor;
}

/** The whole catalogue, by code. */
export async function listIndicators(deps: IndicatorDeps): Promise<IndicatorRow[]> {
  return listIndicatorRows(deps.db);
}

export async function getIndicator(deps: IndicatorDeps, code: string): Promise<IndicatorRow> {
  const [row] = await findIndicatorsByCodes(deps.db, [code]);
  if (!row) throw notFound(`Chỉ số ${code}`);
  return row;
}

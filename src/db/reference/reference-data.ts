import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../connection.js';
import { agencyUnitFor, type AgencyCatalogueEntry } from '../../domain/agency-names.js';
import { foldVietnamese, normalizeName } from '../../domain/vietnamese.js';
import { insertMissingIndicators, type IndicatorDefinition } from './indicator-catalogue.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Official list of provinces and communes after 1/7/2025 (see LICENSE.thanglequoc-… beside it). */
const ADMIN_UNITS_FILE = path.join(HERE, 'admin-units-2026-07-25.json');
const AGENCIES_FILE = path.join(HERE, 'agencies.json');
const INDICATORS_FILE = path.join(HERE, 'indicators.json');

export const NATION_CODE = 'VN';

interface RawWard {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  AdministrativeUnitShortName: string;
}
interface RawProvince extends RawWard {
  AdministrativeUnitId: number;
  Wards: RawWard[];
}

export interface OrgUnitRow {
  code: string;
  parentCode: string | null;
  kind: 'nation' | 'province' | 'commune' | 'agency';
  name: string;
  fullName: string;
  nameEn: string | null;
  unitType: string;
  abbreviation: string | null;
  aliases: string[];
  /** Line 1 of an agency's letterhead ("BỘ CÔNG AN"); null for other units and agencies without one. */
  letterheadParent: string | null;
  /** The title an agency's head signs with ("Chánh Thanh tra"); null for other units. */
  signerTitle: string | null;
}

/** Every org unit of the reference data: the nation, provinces, communes and the agency catalogue. */
export function referenceOrgUnits(agenciesFile = AGENCIES_FILE): OrgUnitRow[] {
  const provinces = JSON.parse(fs.readFileSync(ADMIN_UNITS_FILE, 'utf8')) as RawProvince[];
  const catalogue = (
    JSON.parse(fs.readFileSync(agenciesFile, 'utf8')) as { agencies: AgencyCatalogueEntry[] }
  ).agencies;
  const rows: OrgUnitRow[] = [
    {
      code: NATION_CODE,
      parentCode: null,
      kind: 'nation',
      name: 'Việt Nam',
      fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
      nameEn: 'Viet Nam',
      unitType: 'Quốc gia',
      abbreviation: null,
      aliases: [],
      letterheadParent: null,
      signerTitle: null,
    },
  ];
  for (const p of provinces) {
    const name = normalizeName(p.Name);
    rows.push({
      code: p.Code,
      parentCode: NATION_CODE,
      kind: 'province',
      name,
      fullName: normalizeName(p.FullName),
      nameEn: p.NameEn,
      unitType: normalizeName(p.AdministrativeUnitShortName),
      abbreviation: null,
      aliases: [],
      letterheadParent: null,
      signerTitle: null,
    });
    for (const entry of catalogue) {
      const a = agencyUnitFor(entry, { code: p.Code, name, isCity: p.AdministrativeUnitId === 1 });
      rows.push({
        code: a.code,
        parentCode: p.Code,
        kind: 'agency',
        name: a.name,
        fullName: a.fullName,
        nameEn: a.nameEn,
        unitType: a.category,
        abbreviation: a.abbreviation,
        aliases: a.aliases,
        letterheadParent: a.letterheadParent,
        signerTitle: a.signerTitle,
      });
    }
    for (const w of p.Wards) {
      rows.push({
        code: w.Code,
        parentCode: p.Code,
        kind: 'commune',
        name: normalizeName(w.Name),
        fullName: normalizeName(w.FullName),
        nameEn: w.NameEn,
        unitType: normalizeName(w.AdministrativeUnitShortName),
        abbreviation: null,
        aliases: [],
        letterheadParent: null,
        signerTitle: null,
      });
    }
  }
  return rows;
}

/** Text searched by the org-unit search: both names, the English name, the code, all folded. */
function searchTextOf(r: OrgUnitRow): string {
  return foldVietnamese([r.name, r.fullName, r.nameEn ?? '', r.code, ...r.aliases].join(' '));
}

/**
 * Inserts the reference org units in one statement (unnest), keeping what is there: official units are
 * never overwritten; agencies take their names, aliases, letterhead parent line and signer title from the
 * catalogue, so editing it (or a new catalogue entry) takes effect on the next start.
 */
export async function upsertOrgUnits(db: Executor, rows: readonly OrgUnitRow[]): Promise<void> {
  const col = <K extends keyof OrgUnitRow>(k: K) => sql.param(rows.map((r) => r[k]));
  await db.execute(sql`
    insert into org_units (code, parent_code, kind, name, full_name, name_en, unit_type, abbreviation, aliases, search_text,
                           letterhead_parent, signer_title)
    select code, parent_code, kind, name, full_name, name_en, unit_type, abbreviation, aliases::jsonb, search_text,
           letterhead_parent, signer_title
    from unnest(${col('code')}::text[], ${col('parentCode')}::text[], ${col('kind')}::text[], ${col('name')}::text[],
                ${col('fullName')}::text[], ${col('nameEn')}::text[], ${col('unitType')}::text[],
                ${col('abbreviation')}::text[], ${sql.param(rows.map((r) => JSON.stringify(r.aliases)))}::text[],
                ${sql.param(rows.map(searchTextOf))}::text[], ${col('letterheadParent')}::text[],
                ${col('signerTitle')}::text[])
      as t(code, parent_code, kind, name, full_name, name_en, unit_type, abbreviation, aliases, search_text,
           letterhead_parent, signer_title)
    order by case kind when 'nation' then 0 when 'province' then 1 else 2 end
    on conflict (code) do update set
      name = excluded.name, full_name = excluded.full_name, name_en = excluded.name_en,
      unit_type = excluded.unit_type, aliases = excluded.aliases, search_text = excluded.search_text,
      letterhead_parent = excluded.letterhead_parent, signer_title = excluded.signer_title
      where org_units.kind = 'agency'`);
}

/**
 * Loads the reference org units and the indicator catalogue (in one transaction) on every start; cheap and idempotent.
 * BINHDANG_AGENCIES_FILE points to another agency catalogue in the format of agencies.json.
 */
export async function ensureReferenceData(db: Database): Promise<void> {
  const rows = referenceOrgUnits(process.env.BINHDANG_AGENCIES_FILE ?? AGENCIES_FILE);
  const { indicators } = JSON.parse(fs.readFileSync(INDICATORS_FILE, 'utf8')) as {
    indicators: IndicatorDefinition[];
  };
  await db.transaction(async (tx) => {
    await upsertOrgUnits(tx, rows);
    await insertMissingIndicators(tx, indicators);
  });
}

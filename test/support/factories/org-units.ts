import { expectStatus, factoryState, type AppUnderTest } from './app.js';

/**
 * Org units come from the reference data: every real province with its communes, and under each province the
 * agencies of the catalogue (src/db/reference/agencies.json), codes `<province>-<ABBR>`. A test therefore does
 * not create units; it picks a province and reads its units through the API.
 */

export interface OrgUnit {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface ProvinceUnits extends OrgUnit {
  /** The province as a name in running text: "tỉnh Cao Bằng". */
  designation: string;
  /** Its People's Committee as a document names it: "UBND tỉnh Cao Bằng". */
  committee: string;
  agencies: OrgUnit[];
  communes: OrgUnit[];
  /** The code of the province's agency with this abbreviation (`SNV` → `04-SNV`); fails for one it lacks. */
  agency(abbreviation: string): string;
}

/** Lạng Sơn ('20') holds the demo: tests of their own data use other provinces, in this order. */
export const TEST_PROVINCES = ['04', '22', '42', '96', '12', '11'] as const;

/**
 * A province and its units. Without a code, the next province of TEST_PROVINCES for this app: each call gives a
 * province no earlier call gave, so that a test needing two provinces asks twice.
 */
export async function provinceUnits(t: AppUnderTest, code?: string): Promise<ProvinceUnits> {
  const rotation = factoryState(t, 'provinces', () => ({ next: 0 }));
  const chosen = code ?? TEST_PROVINCES[rotation.next++ % TEST_PROVINCES.length]!;
  const cache = factoryState(t, 'province-units', () => new Map<string, Promise<ProvinceUnits>>());
  if (!cache.has(chosen)) cache.set(chosen, readProvince(t, chosen));
  return cache.get(chosen)!;
}

async function readProvince(t: AppUnderTest, code: string): Promise<ProvinceUnits> {
  const read = async <T>(url: string) =>
    expectStatus<T>(await t.app.inject({ method: 'GET', url }), 200, url);
  const province = await read<OrgUnit & { kind: string }>(`/api/org-units/${code}`);
  if (province.kind !== 'province') throw new Error(`${code} is a ${province.kind}, not a province`);
  const { items } = await read<{ items: (OrgUnit & { kind: string })[] }>(`/api/org-units/${code}/children`);
  const pick = ({ code, name, fullName, type }: OrgUnit) => ({ code, name, fullName, type });
  const agencies = items.filter((u) => u.kind === 'agency').map(pick);
  const designation = `${province.fullName.charAt(0).toLowerCase()}${province.fullName.slice(1)}`;
  return {
    ...pick(province),
    designation,
    committee: `UBND ${designation}`,
    agencies,
    communes: items.filter((u) => u.kind === 'commune').map(pick),
    agency(abbreviation) {
      const unit = agencies.find((a) => a.code === `${code}-${abbreviation}`);
      if (!unit) throw new Error(`${province.name} has no agency ${abbreviation}`);
      return unit.code;
    },
  };
}

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCES_2025_MERGER } from '../../domain/former-provinces.js';
import { foldVietnamese } from '../../domain/vietnamese.js';

const read = (name: string) => fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** The CSV's rows, without the header. */
const rows = read('provinces-2025-merger.csv')
  .trim()
  .split('\n')
  .map((line) => line.split(',') as [string, string]);
const [header, ...body] = rows;
const currentNames = (JSON.parse(read('admin-units-2026-07-25.json')) as { Name: string }[]).map(
  (p) => p.Name,
);

describe('provinces-2025-merger.csv (Nghị quyết 202/2025/QH15)', () => {
  it('has one row per former province: 63 rows, 34 current provinces', () => {
    expect(header).toEqual(['old_province', 'new_province']);
    expect(body).toHaveLength(63);
    expect(body.every((r) => r.length === 2)).toBe(true);
    expect(new Set(body.map(([former]) => former)).size).toBe(63);
    expect(new Set(body.map(([, current]) => current)).size).toBe(34);
  });

  it('names each current province exactly as the admin-unit list does', () => {
    expect(currentNames).toHaveLength(34);
    for (const [, current] of body) expect(currentNames, current).toContain(current);
    expect(new Set(body.map(([, current]) => current))).toEqual(new Set(currentNames));
  });

  it('maps each current province that kept its name to itself', () => {
    for (const name of currentNames.filter((n) =>
      body.some(([former]) => foldVietnamese(former) === foldVietnamese(n)),
    ))
      expect(body.find(([former]) => foldVietnamese(former) === foldVietnamese(name))?.[1]).toBe(name);
  });

  it('is the table the domain matcher uses', () => {
    expect(PROVINCES_2025_MERGER.map(([former, current]) => [former, current])).toEqual(body);
  });
});

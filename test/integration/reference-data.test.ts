import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { ensureReferenceData } from '../../src/db/reference/reference-data.js';
import { useTestApp } from '../support/test-app.js';

const ctx = useTestApp();

const agencies = (codes: string[]) =>
  queryRows<{ code: string; name: string; letterhead_parent: string | null; signer_title: string | null }>(
    ctx.database.db,
    sql`select code, name, letterhead_parent, signer_title from org_units
        where code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )}) order by code`,
  );

const count = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from org_units`))[0]!.n;

describe('reference org units: letterheads from the agency catalogue', () => {
  it('fills each agency’s letterhead parent line and signer title', async () => {
    expect(await agencies(['20-CA', '20-SYT', '20-TK', '20-TTR', '31-BTGDV', '20'])).toEqual([
      { code: '20', name: 'Lạng Sơn', letterhead_parent: null, signer_title: null },
      { code: '20-CA', name: 'Công an tỉnh', letterhead_parent: 'BỘ CÔNG AN', signer_title: 'Giám đốc' },
      { code: '20-SYT', name: 'Sở Y tế', letterhead_parent: 'UBND TỈNH LẠNG SƠN', signer_title: 'Giám đốc' },
      {
        code: '20-TK',
        name: 'Thống kê tỉnh',
        letterhead_parent: 'CỤC THỐNG KÊ',
        signer_title: 'Trưởng Thống kê',
      },
      {
        code: '20-TTR',
        name: 'Thanh tra tỉnh',
        letterhead_parent: 'UBND TỈNH LẠNG SƠN',
        signer_title: 'Chánh Thanh tra',
      },
      {
        code: '31-BTGDV',
        name: 'Ban Tuyên giáo và Dân vận Thành ủy',
        letterhead_parent: 'THÀNH ỦY HẢI PHÒNG',
        signer_title: 'Trưởng ban',
      },
    ]);
  });

  it('brings an existing database up to date on the next start, and changes nothing on the one after', async () => {
    // A database loaded before the catalogue had letterheads (or a new agency): columns empty, one agency missing.
    await queryRows(
      ctx.database.db,
      sql`update org_units set letterhead_parent = null, signer_title = null where kind = 'agency'`,
    );
    await queryRows(ctx.database.db, sql`delete from org_units where code = '20-HLHPN'`);
    const before = await count();
    await ensureReferenceData(ctx.database.db);
    expect(await count()).toBe(before + 1);
    const [women, police] = await agencies(['20-CA', '20-HLHPN']).then((r) => [r[1]!, r[0]!]);
    expect(women).toEqual({
      code: '20-HLHPN',
      name: 'Hội Liên hiệp Phụ nữ tỉnh',
      letterhead_parent: 'HỘI LHPN VIỆT NAM',
      signer_title: 'Chủ tịch',
    });
    expect(police!.letterhead_parent).toBe('BỘ CÔNG AN');
    const [empty] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int n from org_units where kind = 'agency' and signer_title is null`,
    );
    expect(empty!.n).toBe(0);

    await ensureReferenceData(ctx.database.db);
    expect(await count()).toBe(before + 1);
  });
});

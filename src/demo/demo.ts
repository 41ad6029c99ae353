import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import type { Role, RoleGrant } from '../domain/permissions.js';
import { hasAnyPlan, importPlan } from '../modules/plans/plans.service.js';
import { parseObservationCsv } from '../modules/observations/observations.csv.js';
import { recordObservations } from '../modules/observations/observations.service.js';
import { createUser } from '../modules/auth/auth.service.js';
import { hasAnyUser } from '../modules/auth/auth.repository.js';
import { DEMO_PASSWORD } from '../modules/auth/auth.service.js';
import { acceptDemoSubmissions } from '../modules/submissions/submissions.repository.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.repository.js';
import { ensureCycles } from '../modules/reporting/reporting.service.js';
import { parse } from 'csv-parse/sync';
import { insertTerms } from '../modules/registers/registers.repository.js';
import { insertActivities } from '../modules/activities/activities.repository.js';

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** Demo plans, transcribed by hand from real documents, and illustrative figures 2021–2025; marked as demo. */
export const DEMO_PLAN_FILES = ['lang-son-2026-2030.plan.json'];

/** The demo leadership register and activity log (the records behind the computed indicators). */
async function loadDemoRecords(db: Database, now: Clock): Promise<void> {
  const read = (file: string) =>
    parse<Record<string, string>>(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    });
  const terms = read('leadership.csv').map((r) => ({
    orgUnitCode: r.org_unit!,
    position: r.position!,
    isKeyLeader: r.is_key_leader === 'true',
    holderSex: (r.holder_sex || null) as 'female' | 'male' | null,
    fromDate: r.from_date!,
    toDate: r.to_date || null,
    isDemo: true,
  }));
  const acts = read('activities.csv').map((r) => ({
    orgUnitCode: r.org_unit!,
    kind: r.kind as 'communication',
    title: r.title!,
    channel: (r.channel || null) as 'portal' | null,
    date: r.date!,
    occasion: r.occasion || null,
    isDemo: true,
  }));
  await db.transaction(async (tx) => {
    await insertTerms(tx, terms);
    await insertActivities(tx, acts);
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'demo.records',
        entity: 'register',
        after: { leadershipTerms: terms.length, activities: acts.length },
        reason: 'Dữ liệu minh họa',
      },
      now(),
    );
  });
}

interface DemoAccount {
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

/** A demo account with one role on one unit. */
const demoAccount = (
  username: string,
  displayName: string,
  role: Role,
  orgUnitCode: string,
): DemoAccount => ({
  username,
  displayName,
  grants: [{ role, orgUnitCode }],
});

/** One demo account per role, all with DEMO_PASSWORD; listed on the login page in demo mode. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  demoAccount('quantri', 'Quản trị hệ thống (demo)', 'admin', 'VN'),
  demoAccount('snv.langson', 'Điều phối viên Sở Nội vụ Lạng Sơn (demo)', 'coordinator', '20'),
  demoAccount('lanhdao.dongkinh', 'Lãnh đạo UBND phường Đông Kinh (demo)', 'approver', '05977'),
  demoAccount('baocao.dongkinh', 'Cán bộ báo cáo phường Đông Kinh (demo)', 'reporter', '05977'),
  demoAccount('lanhdao.thongke', 'Lãnh đạo Thống kê tỉnh (demo)', 'approver', '20-TK'),
  demoAccount('baocao.thongke', 'Cán bộ báo cáo Thống kê tỉnh (demo)', 'reporter', '20-TK'),
  demoAccount('xem.langson', 'Lãnh đạo tỉnh, chỉ xem (demo)', 'viewer', '20'),
];

/**
 * Loads the demo into an empty database (one holding any plan is left alone): the plans (published), the
 * illustrative figures, accepted for those plans as if the chain had run, their reporting cycles, and the demo
 * accounts unless the instance already has an account. Every row is stamped by `now` (the server's clock, or
 * the one a test pins).
 */
export async function loadDemoData(
  db: Database,
  now: Clock,
): Promise<{ loaded: boolean; planIds: string[] }> {
  if (await hasAnyPlan({ db })) return { loaded: false, planIds: [] };
  const planIds: string[] = [];
  for (const file of DEMO_PLAN_FILES) {
    const doc: unknown = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'));
    planIds.push(await importPlan({ db, now }, doc, { isDemo: true, published: true }));
  }
  const { rows, locale } = parseObservationCsv(
    fs.readFileSync(path.join(DEMO_DIR, 'observations.csv'), 'utf8'),
  );
  await recordObservations({ db, now }, rows, {
    locale,
    mode: 'all',
    acknowledgeWarnings: true,
    isDemo: true,
  });
  await db.transaction(async (tx) => {
    await acceptDemoSubmissions(tx, 'Dữ liệu minh họa', now());
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'demo.accept',
        entity: 'submission',
        reason: 'Dữ liệu minh họa',
      },
      now(),
    );
  });
  await loadDemoRecords(db, now);
  for (const planId of planIds) await ensureCycles({ db, now }, planId, null);
  // An instance that already has an account (a real administrator) never gets the demo ones.
  if (await hasAnyUser(db)) return { loaded: true, planIds };
  for (const account of DEMO_ACCOUNTS) {
    await createUser({ db, now }, null, {
      ...account,
      password: DEMO_PASSWORD,
      isDemo: true,
    });
  }
  return { loaded: true, planIds };
}

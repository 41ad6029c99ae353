import type { Database } from '../../db/connection.js';
import { can } from '../../domain/permissions.js';
import { ancestryOf } from '../auth/auth.service.js';
import { type Actor } from '../../core/actor.js';
import { findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import { refuseRows } from './observations.parse.js';
import { findOwedIndicators } from './observations.repository.js';
import type { Candidate } from './observations.validate.js';

/**
 * A reporter enters only what its unit owes: an agency the indicators of the targets it leads or coordinates
 * (and those it provides), a commune or province the indicators reported at its level. Coordinators and
 * admins over the unit may enter any indicator.
 */
export async function checkOwedIndicators(
  db: Database,
  actor: Actor,
  rows: readonly Candidate[],
): Promise<void> {
  const unitCodes = [...new Set(rows.map((r) => r.write.reportingUnitCode))];
  if (unitCodes.length === 0) return;
  const managed = new Set<string>();
  for (const code of unitCodes) {
    if (can(actor.grants, 'submission.accept', await ancestryOf(db, code))) managed.add(code);
  }
  const units = await findOrgUnitsByCodes(db, unitCodes);
  const owed = await findOwedIndicators(db, unitCodes);
  const problems = rows.filter((r) => {
    const code = r.write.reportingUnitCode;
    if (managed.has(code)) return false;
    const unit = units.find((u) => u.code === code);
    if (!unit) return true;
    if (unit.kind === 'agency') {
      const assigned = owed.some((o) => o.unit === code && o.indicatorId === r.indicator.id);
      return !assigned && r.indicator.providerAbbr !== unit.abbreviation;
    }
    return !r.indicator.unitKinds.includes(unit.kind);
  });
  refuseRows('FORBIDDEN', 'Đơn vị không được giao báo cáo chỉ số này', problems, (r) => ({
    column: 'indicator',
    code: 'not_assigned',
    message: `Chỉ số ${r.indicator.code} không thuộc các chỉ tiêu giao cho đơn vị ${r.write.reportingUnitCode}`,
  }));
}

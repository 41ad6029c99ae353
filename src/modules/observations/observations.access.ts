import type { Database } from '../../db/connection.js';
import { can } from '../../domain/permissions.js';
import { type Actor } from '../../core/actor.js';
import { findAncestries, findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
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
  // Three queries whatever the number of units: their ancestries, the units, and what they owe.
  const ancestries = await findAncestries(db, unitCodes);
  const managed = new Set(
    unitCodes.filter((code) => can(actor.grants, 'submission.accept', ancestries.get(code)!)),
  );
  const units = new Map((await findOrgUnitsByCodes(db, unitCodes)).map((u) => [u.code, u]));
  const owed = new Set(
    (await findOwedIndicators(db, unitCodes)).map((o) => `${o.unit}\u0000${o.indicatorId}`),
  );
  const problems = rows.filter((r) => {
    const code = r.write.reportingUnitCode;
    if (managed.has(code)) return false;
    const unit = units.get(code);
    if (!unit) return true;
    if (unit.kind === 'agency') {
      const assigned = owed.has(`${code}\u0000${r.indicator.id}`);
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

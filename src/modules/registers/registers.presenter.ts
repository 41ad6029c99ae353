import type { StaffRow, TermRow } from './registers.repository.js';

export const presentTerm = (t: TermRow) => ({
  id: t.id,
  position: t.position,
  isKeyLeader: t.isKeyLeader,
  holderSex: t.holderSex,
  fromDate: t.fromDate,
  toDate: t.toDate,
  isDemo: t.isDemo,
});

export const presentStaff = (s: StaffRow) => ({ asOf: s.asOf, female: s.female, male: s.male });

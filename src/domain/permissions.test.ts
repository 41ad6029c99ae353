import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  can,
  isAdminEverywhere,
  readableRoots,
  ROLES,
  type Action,
  type Role,
  type RoleGrant,
} from './permissions.js';

/**
 * Where each role may take each action, written out here independently of the rules' own table:
 * subtree — on its unit and everything under it; own — on its unit only; none — nowhere.
 */
type Scope = 'subtree' | 'own' | 'none';
const EXPECTED: Record<Action, Record<Role, Scope>> = {
  'unit.read': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'subtree',
    reporter: 'subtree',
    viewer: 'subtree',
  },
  'observation.write': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'submission.submit': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'submission.approve': {
    admin: 'subtree',
    coordinator: 'none',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.accept': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.return': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.reopen': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'plan.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'plan.draft': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'own',
    viewer: 'none',
  },
  'plan.publish': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'activity.write': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'task.update': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'own',
    viewer: 'none',
  },
  'indicator.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'section.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'user.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'audit.read': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
};

/** A small tree: the nation, two provinces, an agency and two communes of the first. */
const ANCESTRY: Record<string, string[]> = {
  VN: ['VN'],
  P1: ['P1', 'VN'],
  P2: ['P2', 'VN'],
  'P1-SNV': ['P1-SNV', 'P1', 'VN'],
  C1: ['C1', 'P1', 'VN'],
  C2: ['C2', 'P1', 'VN'],
};

/** Where a grant sits relative to the unit acted on, and whether it covers that unit. */
const PLACES: { name: string; grant: string; target: string; covers: boolean; own: boolean }[] = [
  { name: 'on the unit itself', grant: 'C1', target: 'C1', covers: true, own: true },
  { name: 'on the province above it', grant: 'P1', target: 'C1', covers: true, own: false },
  { name: 'on the nation above it', grant: 'VN', target: 'C1', covers: true, own: false },
  { name: 'on the province itself', grant: 'P1', target: 'P1', covers: true, own: true },
  { name: 'on the province above an agency', grant: 'P1', target: 'P1-SNV', covers: true, own: false },
  { name: 'on a sibling commune', grant: 'C2', target: 'C1', covers: false, own: false },
  { name: 'on an agency beside the commune', grant: 'P1-SNV', target: 'C1', covers: false, own: false },
  { name: 'on another province', grant: 'P2', target: 'C1', covers: false, own: false },
  { name: 'on a commune below the unit', grant: 'C1', target: 'P1', covers: false, own: false },
];

function expected(action: Action, role: Role, place: (typeof PLACES)[number]): boolean {
  const scope = EXPECTED[action][role];
  if (!place.covers || scope === 'none') return false;
  return scope === 'subtree' || place.own;
}

const cases = ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) =>
    PLACES.map((place) => [action, role, place.name, expected(action, role, place), place] as const),
  ),
);

describe('can', () => {
  it('knows every role and action of the table above', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED['unit.read']).sort());
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(cases).toHaveLength(ACTIONS.length * ROLES.length * PLACES.length);
  });

  it.each(cases)('%s by %s granted %s → %s', (action, role, _name, allowed, place) => {
    const grants: RoleGrant[] = [{ role, orgUnitCode: place.grant }];
    expect(can(grants, action, ANCESTRY[place.target]!)).toBe(allowed);
  });

  it('allows an action when any one of several grants allows it', () => {
    const grants: RoleGrant[] = [
      { role: 'viewer', orgUnitCode: 'P1' },
      { role: 'reporter', orgUnitCode: 'C1' },
    ];
    expect(can(grants, 'observation.write', ANCESTRY.C1!)).toBe(true);
    expect(can(grants, 'observation.write', ANCESTRY.C2!)).toBe(false);
    expect(can(grants, 'unit.read', ANCESTRY.C2!)).toBe(true);
    expect(can(grants, 'submission.approve', ANCESTRY.C1!)).toBe(false);
  });

  it('refuses everything without grants or without a unit', () => {
    for (const action of ACTIONS) {
      expect(can([], action, ANCESTRY.C1!)).toBe(false);
      expect(can([{ role: 'admin', orgUnitCode: 'VN' }], action, [])).toBe(false);
    }
  });

  it('lets an admin act anywhere in its subtree, and only there', () => {
    const admin: RoleGrant[] = [{ role: 'admin', orgUnitCode: 'P1' }];
    for (const action of ACTIONS) {
      for (const unit of ['P1', 'P1-SNV', 'C1', 'C2']) expect(can(admin, action, ANCESTRY[unit]!)).toBe(true);
      for (const unit of ['VN', 'P2']) expect(can(admin, action, ANCESTRY[unit]!)).toBe(false);
    }
  });

  it('reads the ancestry as given: a unit the caller knows nothing about is covered only through it', () => {
    // A unit missing from the tree has an ancestry of itself alone: only a grant on that code covers it.
    expect(can([{ role: 'admin', orgUnitCode: 'VN' }], 'unit.read', ['X9'])).toBe(false);
    expect(can([{ role: 'coordinator', orgUnitCode: 'X9' }], 'plan.manage', ['X9'])).toBe(true);
  });
});

describe('isAdminEverywhere', () => {
  it.each([
    [[{ role: 'admin', orgUnitCode: 'VN' }], true],
    [
      [
        { role: 'viewer', orgUnitCode: 'P1' },
        { role: 'admin', orgUnitCode: 'VN' },
      ],
      true,
    ],
    [[{ role: 'admin', orgUnitCode: 'P1' }], false],
    [[{ role: 'coordinator', orgUnitCode: 'VN' }], false],
    [[], false],
  ] as [RoleGrant[], boolean][])('%j → %s', (grants, everywhere) => {
    expect(isAdminEverywhere(grants, 'VN')).toBe(everywhere);
  });

  it('is about the nation code it is given', () => {
    expect(isAdminEverywhere([{ role: 'admin', orgUnitCode: 'VN' }], 'XX')).toBe(false);
  });
});

describe('readableRoots', () => {
  it('gives each granted unit once, in the order granted', () => {
    expect(
      readableRoots([
        { role: 'reporter', orgUnitCode: 'C1' },
        { role: 'approver', orgUnitCode: 'C1' },
        { role: 'viewer', orgUnitCode: 'P2' },
      ]),
    ).toEqual(['C1', 'P2']);
    expect(readableRoots([])).toEqual([]);
  });
});

import { asAdmin } from './accounts.js';
import { expectStatus, type AppUnderTest } from './app.js';

/**
 * The records behind the computed indicators: the leadership register (BDG-01) and the activity log (BDG-22),
 * written through the API by an admin over the nation. They need the unit, which the reference data holds.
 */

export interface HolderChange {
  position?: string;
  isKeyLeader?: boolean;
  holderSex: 'female' | 'male' | null;
  fromDate: string;
}

/** Records who holds a post of `unit` from a date on, in order; each change ends the term before it. */
export async function recordHolders(t: AppUnderTest, unit: string, changes: HolderChange[]): Promise<void> {
  for (const change of changes) {
    const res = await asAdmin(t, {
      method: 'POST',
      url: `/api/org-units/${unit}/leadership`,
      payload: { position: 'Chủ tịch UBND', isKeyLeader: true, ...change },
    });
    expectStatus(res, 201, `leadership of ${unit}`);
  }
}

/** Logs communication items (articles) of `unit`, one per date. */
export async function logArticles(t: AppUnderTest, unit: string, dates: string[]): Promise<void> {
  for (const date of dates) {
    const res = await asAdmin(t, {
      method: 'POST',
      url: `/api/org-units/${unit}/activities`,
      payload: { kind: 'communication', title: 'Tin bài về bình đẳng giới', channel: 'portal', date },
    });
    expectStatus(res, 201, `activity of ${unit}`);
  }
}

import type { AuditRow } from './audit.repository.js';

export const presentAuditRow = (r: AuditRow) => ({ ...r, at: r.at.toISOString() });

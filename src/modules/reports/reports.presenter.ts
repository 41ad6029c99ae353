import type { DraftRow } from './reports.repository.js';
import type { DraftView } from './reports.schemas.js';

/** A draft as the API shows it; before the first save, an empty draft at version 0. */
export const presentDraft = (d: DraftRow | undefined): DraftView => ({
  activities: d?.activities ?? '',
  difficulties: d?.difficulties ?? '',
  proposals: d?.proposals ?? '',
  signerAuthority: d?.signerAuthority ?? '',
  signerName: d?.signerName ?? '',
  recipients: d?.recipients ?? [],
  signed:
    d?.signedFile && d.sentAt
      ? { size: d.signedSize ?? 0, sha256: d.signedSha256 ?? '', sentAt: d.sentAt.toISOString() }
      : null,
  version: d?.version ?? 0,
});

import type { ActivityRow, AttachmentRow } from './activities.repository.js';

export const presentAttachment = (a: AttachmentRow) => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  url: `/api/attachments/${a.id}`,
});

/** An activity with those of `files` that belong to it. */
export const presentActivity = (a: ActivityRow, files: readonly AttachmentRow[]) => ({
  id: a.id,
  orgUnit: a.orgUnitCode,
  kind: a.kind,
  title: a.title,
  channel: a.channel,
  url: a.url,
  date: a.date,
  endDate: a.endDate,
  occasion: a.occasion,
  participantsFemale: a.participantsFemale,
  participantsMale: a.participantsMale,
  findings: a.findings,
  taskIds: a.taskIds,
  targetIds: a.targetIds,
  isDemo: a.isDemo,
  attachments: files.filter((f) => f.activityId === a.id).map(presentAttachment),
});

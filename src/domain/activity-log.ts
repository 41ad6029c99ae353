/** The vocabulary of the activity log, shared by the API and the web app. */

/** Where a communication item appeared. */
export const ACTIVITY_CHANNELS = ['portal', 'radio', 'tv', 'social', 'meeting', 'print'] as const;
export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number];

/** The fixed dates of the year (docs/DOMAIN.md §4) an activity can be held for. */
export const ACTIVITY_OCCASIONS = [
  '8-3',
  'june-action-month',
  '28-6',
  '20-10',
  '9-11',
  'action-month',
] as const;
export type ActivityOccasion = (typeof ACTIVITY_OCCASIONS)[number];

/** What may be attached to an activity: photos, minutes as PDF or Word. */
export const ATTACHMENT_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The largest attachment, in bytes. */
export const ATTACHMENT_LIMIT = 10 * 1024 * 1024;
/** The upload route's body limit: a little over the file limit, so that the service, not the transport, refuses. */
export const ATTACHMENT_BODY_LIMIT = ATTACHMENT_LIMIT + 1024 * 1024;

/** A task's state in a plan. */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

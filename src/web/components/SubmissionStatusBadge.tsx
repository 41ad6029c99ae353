import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../api';
import { KeyBadge } from './KeyBadge';

/** A stage of the approval chain; "not_submitted" is a unit with no submission for the year yet. */
export type ApprovalStage = SubmissionStatus | 'not_submitted';

export const SUBMISSION_COLOR: Record<ApprovalStage, MantineColor> = {
  not_submitted: 'gray',
  draft: 'gray',
  submitted: 'blue',
  approved: 'violet',
  accepted: 'teal',
};

/** How a page marks the badge: its test id and the data attribute that carries the stage's key. */
const MARKS = {
  submission: { testId: 'submission-status', attribute: 'data-status' },
  unitState: { testId: 'unit-state', attribute: 'data-state' },
} as const;

/** "Chưa gửi", "Đang nhập", "Đã gửi", "Đã duyệt", "Đã tiếp nhận"; the data attribute carries the key. */
export function SubmissionStatusBadge({
  status,
  mark = 'submission',
}: {
  status: ApprovalStage;
  mark?: keyof typeof MARKS;
}) {
  const { t } = useTranslation();
  const { testId, attribute } = MARKS[mark];
  return (
    <KeyBadge
      color={SUBMISSION_COLOR[status]}
      filled={status === 'accepted'}
      testId={testId}
      data={{ [attribute]: status }}
    >
      {status === 'not_submitted' ? t('reporting.states.not_submitted') : t(`workflow.statuses.${status}`)}
    </KeyBadge>
  );
}

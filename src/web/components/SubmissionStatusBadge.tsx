import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../api';
import { KeyBadge } from './KeyBadge';

export const SUBMISSION_COLOR: Record<SubmissionStatus, MantineColor> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'violet',
  accepted: 'teal',
};

/** "Đang nhập", "Đã gửi", "Đã duyệt", "Đã tiếp nhận"; data-status carries the key. */
export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <KeyBadge
      color={SUBMISSION_COLOR[status]}
      filled={status === 'accepted'}
      testId="submission-status"
      data={{ 'data-status': status }}
    >
      {t(`workflow.statuses.${status}`)}
    </KeyBadge>
  );
}

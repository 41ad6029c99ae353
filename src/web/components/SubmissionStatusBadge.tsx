import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../api';

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
    <Badge
      variant={status === 'accepted' ? 'filled' : 'light'}
      color={SUBMISSION_COLOR[status]}
      radius="sm"
      tt="none"
      data-testid="submission-status"
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {t(`workflow.statuses.${status}`)}
    </Badge>
  );
}

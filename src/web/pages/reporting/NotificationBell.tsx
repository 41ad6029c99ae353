import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from './notifications';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor">
      <path
        d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Z"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path d="M8 15.5a2 2 0 0 0 4 0" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** The header's bell: the number of reminders not seen yet, leading to the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { unread } = useNotifications();
  const label =
    unread > 0 ? t('reporting.notifications.unread', { count: unread }) : t('reporting.notifications.bell');
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={18}
      color="red"
      offset={4}
      data-testid="notification-count"
      data-count={unread}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}

/**
 * Which reminders the user has seen. The server keeps no read state for reminders (they belong to units, not
 * to people), so the newest one seen is remembered per user in this browser.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useSession } from '../../session';
import { reportingQueries, type NotificationItem } from '../../api/reporting';

const EVENT = 'binhdang:notifications-seen';
const keyOf = (userId: string) => `binhdang.notifications.seen.${userId}`;

function readSeen(userId: string): string {
  try {
    return window.localStorage.getItem(keyOf(userId)) ?? '';
  } catch {
    // Storage blocked: everything counts as new, which is the safe side.
    return '';
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The signed-in user's reminders, which of them are new, and a way to mark them all seen. */
export function useNotifications() {
  const { user } = useSession();
  const list = useQuery({ ...reportingQueries.notifications(), enabled: !!user });
  const userId = user?.id ?? '';
  const seen = useSyncExternalStore(subscribe, () => (userId ? readSeen(userId) : ''));
  const items = useMemo<NotificationItem[]>(() => (user ? (list.data?.items ?? []) : []), [user, list.data]);
  const isNew = useCallback((n: NotificationItem) => n.createdAt > seen, [seen]);
  const markSeen = useCallback(() => {
    const newest = items.reduce((max, n) => (n.createdAt > max ? n.createdAt : max), '');
    if (!userId || !newest || newest <= readSeen(userId)) return;
    try {
      window.localStorage.setItem(keyOf(userId), newest);
    } catch {
      return;
    }
    window.dispatchEvent(new Event(EVENT));
  }, [items, userId]);
  return { query: list, items, unread: items.filter(isNew).length, isNew, markSeen };
}

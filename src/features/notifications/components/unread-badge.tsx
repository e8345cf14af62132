import { usePathname } from '../../../lib/navigation.ts';
import { useNotifications } from '../api/list-notifications.ts';
import { countUnread, unreadBadgeText } from '../model/unread.ts';
import { useLastSeen } from '../stores/last-seen-store.ts';

/**
 * The count of notifications delivered since the last visit to /notifications (kept in
 * localStorage), for the header's Notifications link: a red bubble, and ", 3 unread" for screen
 * readers so the link reads "Notifications, 3 unread". Nothing at zero, on the notifications page
 * itself, or where the backend has no notifications (a real AWS account).
 */
export function UnreadBadge() {
  const { base, data } = useNotifications();
  const lastSeen = useLastSeen((s) => s.lastSeen);
  const here = usePathname().replace(/\/+$/, '') === '/notifications';
  if (base === undefined || here || !data) return null;
  const count = countUnread(data, lastSeen);
  const text = unreadBadgeText(count);
  if (text === '') return null;
  return (
    <>
      <span className="sr-only">, {count} unread</span>
      <span
        aria-hidden="true"
        data-testid="unread-count"
        className="ml-1 inline-block min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs leading-5 font-semibold text-white"
      >
        {text}
      </span>
    </>
  );
}

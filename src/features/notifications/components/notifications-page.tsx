import { useEffect } from 'react';
import { useNotifications } from '../api/list-notifications.ts';
import { lastSeenOf } from '../model/unread.ts';
import { useLastSeen } from '../stores/last-seen-store.ts';
import { NotificationCenter } from './notification-center.tsx';
import { TopicsPanel } from './topics-panel.tsx';

/**
 * `/notifications`: topics and their subscriptions, and the notification center. While it is
 * open, everything listed counts as seen (the header's badge goes to zero).
 */
export function NotificationsPage() {
  const notifications = useNotifications();
  const markSeen = useLastSeen((s) => s.markSeen);
  const data = notifications.data;
  useEffect(() => {
    if (data) markSeen(lastSeenOf(data));
  }, [data, markSeen]);

  if (notifications.base === undefined) {
    return (
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-slate-900">Notifications</h1>
        <p className="text-sm text-slate-700">
          Notifications are not available with this backend: topics and their deliveries are simulated by
          Watchtrail&apos;s control endpoints, which a real AWS account does not have. Use Amazon SNS in the
          AWS console to subscribe to your alarms&apos; topics.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Notifications</h1>
      <TopicsPanel />
      <section aria-label="Notification center" className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">Notification center</h2>
        {notifications.error && (
          <p role="alert" className="text-sm text-red-700">
            The notifications could not be read: {notifications.error.message}
          </p>
        )}
        {notifications.isPending && <p className="text-sm text-slate-500">Loading notifications…</p>}
        {data && <NotificationCenter notifications={data} />}
      </section>
    </div>
  );
}

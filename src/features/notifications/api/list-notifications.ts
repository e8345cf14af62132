import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { type AlarmNotification, readNotifications } from '../model/notification.ts';
import { controlRequest } from '../../../lib/control-request.ts';

/** How often the watcher, the badge and the center poll for deliveries. */
export const NOTIFICATION_POLL_MS = 3_000;

/**
 * `GET /_watchtrail/notifications?since=0`: every delivery the backend keeps, newest first. The
 * whole list is read each time (not only what is newer) so that a reset engine is seen at once.
 */
export const notificationsQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'notifications', base],
    queryFn: async (): Promise<AlarmNotification[]> =>
      readNotifications(await controlRequest<unknown>(base, 'notifications?since=0')),
    enabled: base !== undefined,
    refetchInterval: NOTIFICATION_POLL_MS,
    // Keep polling in a background tab: browser notifications matter most there.
    refetchIntervalInBackground: true,
    staleTime: 1_000,
  });

/** The delivered notifications, polled every few seconds; `base` undefined = not available. */
export function useNotifications() {
  const base = controlBase(useConnectionStore());
  return { base, ...useQuery(notificationsQueryOptions(base)) };
}

import { useEffect, useRef } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { useNotifications } from '../api/list-notifications.ts';
import { showBrowserNotification } from '../model/browser-notification.ts';
import { type AlarmNotification, newArrivals, parseAlarmMessage } from '../model/notification.ts';
import { useToasts } from '../stores/toast-store.ts';
import { ToastStack } from './toast-stack.tsx';

const openCenter = () => navigate('/notifications');

/**
 * Mounted once by the shell: polls the deliveries every few seconds and shows what is new — as a
 * browser notification for 'browser' subscriptions (when permitted), as a toast for 'app' ones.
 * A 'browser' delivery the browser may not show becomes a toast, so it is not lost. What was
 * delivered before the page opened does not pop up (the unread badge counts it).
 */
export function NotificationWatcher() {
  const { data } = useNotifications();
  const push = useToasts((s) => s.push);
  const known = useRef<ReadonlySet<string> | undefined>(undefined);

  useEffect(() => {
    if (!data) return;
    const { fresh, known: next } = newArrivals(known.current, data);
    known.current = next;
    for (const n of fresh) deliver(n, push);
  }, [data, push]);

  return <ToastStack />;
}

function deliver(n: AlarmNotification, push: ReturnType<typeof useToasts.getState>['push']): void {
  const body = parseAlarmMessage(n.message).reason ?? `${n.alarmName}: ${n.oldState} → ${n.newState}`;
  const shownByBrowser =
    n.protocols.includes('browser') &&
    showBrowserNotification(n.subject, { body, tag: n.id, onClick: openCenter });
  if (n.protocols.includes('app') || (n.protocols.includes('browser') && !shownByBrowser))
    push({ id: n.id, title: n.subject, body, newState: n.newState });
}

import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import type { AlarmNotification } from '../model/notification.ts';
import { parseAlarmMessage, topicNameOf } from '../model/notification.ts';
import { StateChange } from './state-change.tsx';

/** Props of {@link NotificationCenter}. */
export interface NotificationCenterProps {
  /** Newest first. */
  notifications: AlarmNotification[];
}

/** How many notifications are drawn before "Show older". */
const PAGE = 100;

function NotificationEntry({ n }: { n: AlarmNotification }) {
  const [open, setOpen] = useState(false);
  const message = parseAlarmMessage(n.message);
  return (
    <li
      data-testid="notification"
      data-id={n.id}
      aria-label={`${n.subject} (${formatDateTime(n.timestampMs)})`}
      className="space-y-1 px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{n.subject}</span>
        <StateChange oldState={n.oldState} newState={n.newState} />
        <time className="ml-auto text-xs text-slate-500" dateTime={new Date(n.timestampMs).toISOString()}>
          {formatDateTime(n.timestampMs)}
        </time>
      </div>
      <div className="flex flex-wrap gap-x-4 text-xs text-slate-600">
        <span>
          Alarm <span className="font-medium text-slate-800">{n.alarmName}</span>
        </span>
        <span>
          Topic <span className="font-mono">{topicNameOf(n.topicArn)}</span>
        </span>
        {n.protocols.length > 0 && (
          <span>
            Delivered{' '}
            {n.protocols.map((p) => (p === 'app' ? 'in the app' : 'as a browser notification')).join(' and ')}
          </span>
        )}
      </div>
      {message.reason && <p className="text-sm text-slate-700">{message.reason}</p>}
      <button
        type="button"
        className="text-xs text-blue-700 underline"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide message' : 'Show message'}
      </button>
      {open && (
        <pre
          aria-label={`Message of ${n.subject}`}
          className="max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs"
        >
          {message.pretty}
        </pre>
      )}
    </li>
  );
}

/** The notification center: every delivery, newest first, each with its full message on demand. */
export function NotificationCenter({ notifications }: NotificationCenterProps) {
  const [shown, setShown] = useState(PAGE);
  if (notifications.length === 0)
    return (
      <p className="text-sm text-slate-500">
        No notifications yet. They arrive when an alarm whose actions name a topic changes state.
      </p>
    );
  return (
    <div className="space-y-2">
      <ul
        aria-label="Notifications"
        className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
      >
        {notifications.slice(0, shown).map((n) => (
          <NotificationEntry key={n.id} n={n} />
        ))}
      </ul>
      {notifications.length > shown && (
        <button
          type="button"
          className="text-sm text-blue-700 underline"
          onClick={() => setShown((s) => s + PAGE)}
        >
          Show older ({notifications.length - shown} more)
        </button>
      )}
    </div>
  );
}

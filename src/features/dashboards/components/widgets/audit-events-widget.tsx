import { useEffect } from 'react';
import type { MouseEvent } from 'react';
import { eventHref } from '../../../../lib/audit-events/audit-events.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { openLink } from '../../../../lib/navigation.ts';
import { auditEventsSettings, useAuditEventsWidget } from '../../api/audit-events.ts';

/** Props of {@link AuditEventsWidgetView}. */
export interface AuditEventsWidgetViewProps {
  /** The custom widget's `params` (AuditEventsParams). */
  params: unknown;
  /** The range the widget lists, epoch ms. */
  startMs: number;
  endMs: number;
  /** False until the widget is near the viewport. */
  enabled: boolean;
  rangeKey: string;
  onDrawn: (rangeKey: string) => void;
}

/** What the widget lists, in words: "Writes to EventSource = lambda.amazonaws.com, newest 10". */
export function auditEventsCaption(params: unknown): string {
  const { lookup, writesOnly, limit } = auditEventsSettings(params);
  const what = writesOnly ? 'Writes' : 'All events';
  return `${what}${lookup ? ` where ${lookup.key} = ${lookup.value}` : ''}, newest ${limit}`;
}

/**
 * Watchtrail's audit-events widget: the newest audit events of the range (LookupEvents), as a small
 * table of time, user, event, resource and error; each row opens the event in Event history.
 */
export function AuditEventsWidgetView({
  params,
  startMs,
  endMs,
  enabled,
  rangeKey,
  onDrawn,
}: AuditEventsWidgetViewProps) {
  const { data, error, isPlaceholderData, isFetching } = useAuditEventsWidget(
    { startMs, endMs, params },
    enabled,
  );
  const drawn = (data !== undefined && !isPlaceholderData) || error !== null;
  useEffect(() => {
    if (!enabled || !drawn) return;
    const id = requestAnimationFrame(() => onDrawn(rangeKey));
    return () => cancelAnimationFrame(id);
  }, [enabled, drawn, rangeKey, onDrawn]);

  const open = (e: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    openLink(href);
  };
  return (
    <div className="flex h-full min-h-0 flex-col" aria-busy={isFetching ? 'true' : 'false'}>
      <p className="px-3 pt-1 text-xs text-slate-500">{auditEventsCaption(params)}</p>
      {error && (
        <p role="alert" className="px-3 text-sm text-red-700">
          {error.name}: {error.message}
        </p>
      )}
      {data && data.events.length === 0 && (
        <p className="px-3 py-2 text-sm text-slate-500">No audit events in this time range.</p>
      )}
      {data && data.events.length > 0 && (
        <div className="min-h-0 flex-1 overflow-auto px-1">
          <table data-testid="audit-events-table" className="w-full min-w-[28rem] border-collapse text-xs">
            <thead className="sticky top-0 bg-white">
              <tr className="text-left text-slate-500">
                <th scope="col" className="px-2 py-1 font-medium">
                  Time
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  User
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Event
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Resource
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Error
                </th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((m) => {
                const href = eventHref(m);
                return (
                  <tr key={m.eventId} className="border-t border-slate-100 hover:bg-slate-50">
                    <td className="whitespace-nowrap px-2 py-1 tabular-nums text-slate-600">
                      {formatDateTime(m.timeMs)}
                    </td>
                    <td className="max-w-32 truncate px-2 py-1" title={m.userName}>
                      {m.userName || 'unknown'}
                    </td>
                    <td className="px-2 py-1">
                      <a
                        href={href}
                        onClick={(e) => open(e, href)}
                        className="text-blue-700 underline"
                        title={m.summary}
                      >
                        {m.eventName}
                      </a>
                    </td>
                    <td
                      className="max-w-40 truncate px-2 py-1"
                      title={m.resources.map((r) => r.name).join(', ')}
                    >
                      {m.resources[0]?.name ?? ''}
                      {m.resources.length > 1 ? ` +${m.resources.length - 1}` : ''}
                    </td>
                    <td className="px-2 py-1 text-red-700">{m.errorCode ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.more && (
            <p className="px-2 py-1 text-xs text-slate-500">
              More events matched; open Event history for all.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

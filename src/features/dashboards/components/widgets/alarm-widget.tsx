import { useEffect, useId, useMemo, useState } from 'react';
import { navigate } from '../../../../lib/navigation.ts';
import { useAlarmTiles } from '../../api/describe-alarms.ts';
import { type AlarmTile, alarmTilePath, widgetTiles } from '../../model/alarm-status.ts';
import type { AlarmWidgetProperties } from '../../model/dashboard-body.ts';

/** Props of {@link AlarmWidgetView}. */
export interface AlarmWidgetViewProps {
  /** The widget's properties from the dashboard body. */
  properties: AlarmWidgetProperties;
  /** The title shown in the widget's header. */
  title: string;
  /** The dashboard's current range, `start:end`: reported back once the states have arrived. */
  rangeKey: string;
  /** Called once the widget has drawn, for the dashboard's ready mark. */
  onDrawn: (rangeKey: string) => void;
  /** Draw the title here (default); off when the widget box already shows it. */
  showTitle?: boolean;
}

function tileClass(state: AlarmTile['state']): string {
  switch (state) {
    case 'ALARM':
      return 'border-red-300 bg-red-600 text-white hover:bg-red-700';
    case 'OK':
      return 'border-green-300 bg-green-600 text-white hover:bg-green-700';
    case 'INSUFFICIENT_DATA':
      return 'border-slate-300 bg-slate-400 text-white hover:bg-slate-500';
    default:
      return 'border-dashed border-slate-300 bg-white text-slate-500 hover:bg-slate-50';
  }
}

const STATE_TEXT: Record<string, string> = {
  ALARM: 'In alarm',
  OK: 'OK',
  INSUFFICIENT_DATA: 'Insufficient data',
};

/** The help of the widget, which says how an empty list is read. */
export function alarmWidgetHelp(listed: number): string {
  const base =
    'One tile per alarm, coloured by its state: red in ALARM, green OK, gray INSUFFICIENT_DATA. Click a tile to open the alarm.';
  return listed === 0
    ? `${base} This widget lists no alarm ARNs, so it shows every alarm DescribeAlarms returns, metric and composite (CloudWatch itself requires 1 to 100 ARNs; Watchtrail reads an empty list as "all alarms", so the dashboard shows alarms created after it was written).`
    : `${base} It shows the ${listed} alarm(s) its body lists.`;
}

/**
 * CloudWatch's alarm status widget: a tile per alarm with its state colour and name, re-read every
 * few seconds; a click opens the alarm's page (or the composite alarm's).
 */
export function AlarmWidgetView({
  properties,
  title,
  rangeKey,
  onDrawn,
  showTitle = true,
}: AlarmWidgetViewProps) {
  const helpId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const { data, error, isFetching } = useAlarmTiles(properties.alarms);
  const tiles = useMemo(() => (data ? widgetTiles(properties, data) : undefined), [data, properties]);

  const drawn = data !== undefined;
  useEffect(() => {
    if (!drawn && !error) return;
    // After the dashboard's own effect has started counting for this range (as metric widgets do).
    const id = requestAnimationFrame(() => onDrawn(rangeKey));
    return () => cancelAnimationFrame(id);
  }, [drawn, error, rangeKey, onDrawn]);

  return (
    <div className="flex h-full min-h-0 flex-col" aria-busy={isFetching ? 'true' : 'false'}>
      <div className="flex items-baseline gap-2 px-3 pt-2">
        {showTitle ? (
          <h2 className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-800">{title}</h2>
        ) : (
          <span className="flex-1" />
        )}
        <button
          type="button"
          className="text-xs text-slate-500 underline hover:text-slate-800"
          aria-expanded={helpOpen}
          aria-controls={helpId}
          onClick={() => setHelpOpen((o) => !o)}
        >
          About this widget
        </button>
      </div>
      {helpOpen && (
        <p id={helpId} className="px-3 pb-1 text-xs text-slate-600">
          {alarmWidgetHelp(properties.alarms.length)}
        </p>
      )}
      {error && (
        <p role="alert" className="px-3 text-sm text-red-700">
          {error.name}: {error.message}
        </p>
      )}
      {tiles?.length === 0 && (
        <p className="px-3 text-sm text-slate-500">
          {properties.alarms.length === 0 && !(properties.states?.length ?? 0)
            ? 'No alarms yet.'
            : 'No alarm in the states this widget shows.'}
        </p>
      )}
      {tiles && tiles.length > 0 && (
        <ul
          aria-label={title}
          className="mt-1 grid min-h-0 flex-1 auto-rows-min grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-2 overflow-auto px-2 pb-2"
        >
          {tiles.map((t) => (
            <li key={t.name} data-testid="alarm-tile" data-state={t.state ?? 'NOT_FOUND'}>
              <button
                type="button"
                className={`flex w-full flex-col items-start rounded border px-2 py-1 text-left ${tileClass(t.state)}`}
                aria-label={`${t.name}: ${t.state ? STATE_TEXT[t.state] : 'not found'}`}
                title={t.type === 'CompositeAlarm' ? `${t.name} (composite alarm)` : t.name}
                onClick={() => navigate(alarmTilePath(t))}
              >
                <span className="w-full truncate text-sm font-medium">{t.name}</span>
                <span className="text-xs opacity-90">
                  {t.state ? STATE_TEXT[t.state] : 'Not found'}
                  {t.type === 'CompositeAlarm' ? ' · composite' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

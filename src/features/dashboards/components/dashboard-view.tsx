import { useCallback, useEffect, useRef } from 'react';
import { useElementWidth } from '../../../components/use-element-width.ts';
import { DASHBOARD_READY_MARK, mark } from '../../../lib/perf-marks.ts';
import { type DashboardBody, isAlarmWidget, isMetricWidget, isTextWidget } from '../model/dashboard-body.ts';
import { AlarmWidgetView } from './widgets/alarm-widget.tsx';
import { MetricWidgetView } from './widgets/metric-widget.tsx';
import { TextWidgetView } from './widgets/text-widget.tsx';

/** Height of one grid row, px (CloudWatch's grid: 24 columns, widgets measured in rows). */
const ROW_PX = 44;
const GAP_PX = 12;
/** Space a metric widget's title and legend take from its drawing. */
const CHROME_PX = 72;

/** Props of {@link DashboardView}. */
export interface DashboardViewProps {
  body: DashboardBody;
  startMs: number;
  endMs: number;
  nowMs: number;
  onZoom: (startMs: number, endMs: number) => void;
}

/**
 * Draws a dashboard body on CloudWatch's 24-column grid and marks when every widget has drawn
 * (metric widgets once their data for the range arrived, alarm widgets once their states did).
 */
export function DashboardView({ body, startMs, endMs, nowMs, onZoom }: DashboardViewProps) {
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>();
  const dataWidgets = body.widgets.filter((w) => isMetricWidget(w) || isAlarmWidget(w)).length;
  const drawn = useRef<{ key: string; count: Set<number>; marked: boolean }>({
    key: '',
    count: new Set(),
    marked: false,
  });
  const rangeKey = `${startMs}:${endMs}`;

  useEffect(() => {
    drawn.current = { key: rangeKey, count: new Set(), marked: false };
  }, [rangeKey]);

  const onDrawn = useCallback(
    (index: number, key: string) => {
      const d = drawn.current;
      if (key !== d.key || d.marked) return;
      d.count.add(index);
      if (d.count.size === dataWidgets) {
        d.marked = true;
        mark(DASHBOARD_READY_MARK);
      }
    },
    [dataWidgets],
  );

  const columnPx = (gridWidth || 1200) / 24;
  return (
    <div
      ref={gridRef}
      className="grid grid-cols-24 gap-3"
      style={{ gridTemplateColumns: 'repeat(24, minmax(0, 1fr))', gridAutoRows: `${ROW_PX}px` }}
      data-testid="dashboard-grid"
    >
      {body.widgets.map((w, i) => {
        const width = w.width ?? 6;
        const height = w.height ?? 6;
        const style = {
          gridColumn: `${(w.x ?? 0) + 1} / span ${width}`,
          gridRow: w.y !== undefined ? `${w.y + 1} / span ${height}` : `span ${height}`,
        };
        if (isTextWidget(w)) {
          return (
            <section
              key={i}
              style={style}
              className={
                w.properties.background === 'transparent' ? '' : 'rounded-md border border-slate-200 bg-white'
              }
            >
              <TextWidgetView markdown={w.properties.markdown} />
            </section>
          );
        }
        if (isAlarmWidget(w)) {
          const alarmTitle = w.properties.title ?? 'Alarm Status';
          return (
            <section
              key={i}
              style={style}
              aria-label={alarmTitle}
              data-testid="alarm-widget"
              className="flex min-w-0 flex-col overflow-hidden rounded-md border border-slate-200 bg-white"
            >
              <div className="min-h-0 flex-1">
                <AlarmWidgetView
                  properties={w.properties}
                  title={alarmTitle}
                  rangeKey={rangeKey}
                  onDrawn={(key) => onDrawn(i, key)}
                />
              </div>
            </section>
          );
        }
        if (!isMetricWidget(w)) return null;
        const title = w.properties.title ?? (w.properties.metrics ?? []).map((r) => r[1]).join(', ');
        return (
          <section
            key={i}
            style={style}
            aria-label={title}
            data-testid="metric-widget"
            data-view={w.properties.view ?? 'timeSeries'}
            className="flex min-w-0 flex-col overflow-hidden rounded-md border border-slate-200 bg-white"
          >
            <h2 className="truncate px-3 pt-2 text-sm font-semibold text-slate-800">{title}</h2>
            <div className="min-h-0 flex-1 px-1 pb-1">
              <MetricWidgetView
                properties={w.properties}
                startMs={startMs}
                endMs={endMs}
                nowMs={nowMs}
                height={height * ROW_PX + (height - 1) * GAP_PX - CHROME_PX}
                widthPx={Math.max(50, width * columnPx - 80)}
                onDrawn={(key) => onDrawn(i, key)}
                onZoom={onZoom}
              />
            </div>
          </section>
        );
      })}
    </div>
  );
}

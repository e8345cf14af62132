import { Suspense, lazy, memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import {
  AUDIT_EVENTS_FUNCTION,
  type Widget,
  isAlarmWidget,
  isAuditEventsWidget,
  isMetricWidget,
  isTextWidget,
} from '../../model/dashboard-body.ts';
import { AlarmWidgetView } from './alarm-widget.tsx';
import { METRIC_VIEWS, MetricWidgetView } from './metric-widget.tsx';
import { TextWidgetView } from './text-widget.tsx';
import { UnsupportedWidgetView } from './unsupported-widget.tsx';
import { useInView } from './use-in-view.ts';
import { metricWidgetTitle, widgetRange } from './widget-model.ts';

// The audit-events widget brings the CloudTrail client: it loads with the first dashboard that has one.
const AuditEventsWidgetView = lazy(() =>
  import('./audit-events-widget.tsx').then((m) => ({ default: m.AuditEventsWidgetView })),
);

/** Props of {@link WidgetView}. */
export interface WidgetViewProps {
  /** The widget from the dashboard body (any type; unknown ones get a tile saying so). */
  widget: Widget;
  /** The dashboard's resolved range, epoch ms. */
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at (relative widget ranges and labels read it). */
  nowMs: number;
  /** The size of the whole widget box, px. */
  widthPx: number;
  heightPx: number;
  /** The dashboard's `periodOverride`: 'auto' (default) or 'inherit'. */
  periodOverride?: string;
  /**
   * Called with `${startMs}:${endMs}` of these props once the widget has drawn that range (even when
   * it draws its own range); text and unsupported widgets call it at once.
   */
  onDrawn: (rangeKey: string) => void;
  /** Called when the widget comes within a viewport of view, and when it leaves. */
  onInView?: (inView: boolean) => void;
  /** Drag-to-zoom on a graph. */
  onZoom: (startMs: number, endMs: number) => void;
  /** Buttons at the right of the title bar (edit mode's menu, …). */
  actions?: ReactNode;
  /** Query only once near the viewport (default true). */
  lazy?: boolean;
}

const TITLE_PX = 32;

/** What kind of drawing a widget gets. */
export type WidgetKind = 'metric' | 'text' | 'alarm' | 'audit-events' | 'unsupported';

/** Which drawing a widget gets: metric views this console draws, text, alarm status, audit events, or the tile. */
export function widgetKind(widget: Widget): WidgetKind {
  if (isMetricWidget(widget)) {
    const view = widget.properties.view ?? 'timeSeries';
    return (METRIC_VIEWS as readonly string[]).includes(view) ? 'metric' : 'unsupported';
  }
  if (isTextWidget(widget)) return 'text';
  if (isAlarmWidget(widget)) return 'alarm';
  if (isAuditEventsWidget(widget)) return 'audit-events';
  return 'unsupported';
}

/** What buttons and handles call a widget: its title, else its place ("widget 3"). */
export function widgetName(widget: Widget, index: number): string {
  return widgetTitle(widget) || `widget ${index + 1}`;
}

/** The title a widget box shows. */
export function widgetTitle(widget: Widget): string {
  const p = (widget.properties ?? {}) as Record<string, unknown>;
  if (isMetricWidget(widget)) return metricWidgetTitle(widget.properties);
  if (isAlarmWidget(widget)) return widget.properties.title ?? 'Alarm Status';
  if (isTextWidget(widget)) {
    const heading = /^\s*#{1,6}\s+(.+)$/m.exec(widget.properties.markdown)?.[1];
    return heading ? heading.replace(/[*_`~[\]]|\]\([^)]*\)/g, '').trim() : 'Text';
  }
  if (isAuditEventsWidget(widget)) return typeof p.title === 'string' && p.title ? p.title : 'Audit events';
  if (typeof p.title === 'string' && p.title) return p.title;
  return `${typeof widget.type === 'string' ? widget.type : 'Unknown'} widget`;
}

/**
 * One dashboard widget, whole: the box, its title bar (with the widget's own range as a badge and
 * `actions` at the right) and its drawing. Queries wait until the widget is within a viewport of
 * view (IntersectionObserver), so a long dashboard asks only for what a person can reach.
 */
export const WidgetView = memo(function WidgetView({
  widget,
  startMs,
  endMs,
  nowMs,
  widthPx,
  heightPx,
  periodOverride,
  onDrawn,
  onInView,
  onZoom,
  actions,
  lazy = true,
}: WidgetViewProps) {
  const ref = useRef<HTMLElement>(null);
  const kind = widgetKind(widget);
  const needsData = kind === 'metric' || kind === 'audit-events';
  const { seen } = useInView(ref, lazy && needsData, onInView);
  const rangeKey = `${startMs}:${endMs}`;
  const title = widgetTitle(widget);
  const properties = (widget.properties ?? {}) as Record<string, unknown>;
  const { start, end } = properties;
  const range = useMemo(
    () => widgetRange({ start, end }, startMs, endMs, nowMs),
    [start, end, startMs, endMs, nowMs],
  );
  const view = isMetricWidget(widget) ? (widget.properties.view ?? 'timeSeries') : undefined;

  // Text and unsupported widgets have nothing to wait for.
  const immediate = kind === 'text' || kind === 'unsupported';
  useEffect(() => {
    if (!immediate) return;
    const id = requestAnimationFrame(() => onDrawn(rangeKey));
    return () => cancelAnimationFrame(id);
  }, [immediate, rangeKey, onDrawn]);
  const reportDrawn = useCallback((key: string) => onDrawn(key), [onDrawn]);

  const contentHeight = Math.max(40, heightPx - TITLE_PX - 8);
  let content: ReactNode;
  if (kind === 'metric' && isMetricWidget(widget)) {
    const legend = widget.properties.legend?.position ?? 'bottom';
    // The graph's legend (and its annotations key) sit under the drawing.
    const chrome =
      view === 'timeSeries'
        ? legend === 'bottom'
          ? 44
          : 12
        : view === 'pie' && legend === 'bottom'
          ? 40
          : 0;
    content = (
      <MetricWidgetView
        properties={widget.properties}
        startMs={range.startMs}
        endMs={range.endMs}
        nowMs={nowMs}
        height={Math.max(40, contentHeight - chrome)}
        widthPx={Math.max(50, widthPx - 80)}
        periodOverride={periodOverride}
        enabled={seen}
        rangeKey={rangeKey}
        onDrawn={reportDrawn}
        // A widget with its own range keeps it: dragging across it does not zoom the dashboard.
        onZoom={range.own ? undefined : onZoom}
      />
    );
  } else if (kind === 'text' && isTextWidget(widget)) {
    content = <TextWidgetView markdown={widget.properties.markdown} />;
  } else if (kind === 'alarm' && isAlarmWidget(widget)) {
    content = (
      <AlarmWidgetView
        properties={widget.properties}
        title={title}
        rangeKey={rangeKey}
        onDrawn={reportDrawn}
        showTitle={false}
      />
    );
  } else if (kind === 'audit-events') {
    content = (
      <Suspense fallback={null}>
        <AuditEventsWidgetView
          params={properties.params}
          startMs={range.startMs}
          endMs={range.endMs}
          enabled={seen}
          rangeKey={rangeKey}
          onDrawn={reportDrawn}
        />
      </Suspense>
    );
  } else {
    content = <UnsupportedWidgetView widget={widget} />;
  }

  const transparent = kind === 'text' && properties.background === 'transparent';
  // Text widgets have no title bar in CloudWatch; their actions float over the top right corner.
  const bare = kind === 'text';
  return (
    <section
      ref={ref}
      data-testid="widget"
      data-widget-type={typeof widget.type === 'string' ? widget.type : 'unknown'}
      data-view={view ?? (kind === 'audit-events' ? AUDIT_EVENTS_FUNCTION : undefined)}
      data-kind={kind}
      data-in-view={seen ? 'true' : 'false'}
      aria-label={title}
      className={`group relative flex h-full min-w-0 flex-col overflow-hidden rounded-md ${
        transparent ? '' : 'border border-slate-200 bg-white'
      }`}
    >
      {bare ? (
        actions && <div className="absolute right-1 top-1 z-10 flex items-center gap-1">{actions}</div>
      ) : (
        <header className="flex h-8 shrink-0 items-center gap-2 px-3">
          <h2 className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-800" title={title}>
            {title}
          </h2>
          {range.own && (
            <span
              data-testid="widget-range-badge"
              className="shrink-0 rounded bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-amber-200"
              title="This widget shows its own time range, not the dashboard's."
            >
              {range.own}
            </span>
          )}
          {actions && <div className="flex shrink-0 items-center gap-1">{actions}</div>}
        </header>
      )}
      <div className="min-h-0 flex-1 px-1 pb-1">{content}</div>
    </section>
  );
});

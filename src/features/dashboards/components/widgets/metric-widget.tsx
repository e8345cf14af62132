import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { GaugeChart, gaugeThresholds } from '../../../../components/charts/gauge-chart.tsx';
import {
  type ChartAnnotations,
  type RightAxis,
  TimeSeriesChart,
} from '../../../../components/charts/time-series-chart.tsx';
import { NumberStat } from '../../../../components/number-stat.tsx';
import { useChartMarkers } from '../../../../lib/audit-events/audit-events.ts';
import { useMetricData } from '../../../../lib/cloudwatch/get-metric-data.ts';
import { knownUnit, unitForStat } from '../../../../lib/cloudwatch/known-units.ts';
import { isDynamicLabel, resolveDynamicLabel } from '../../../../lib/dynamic-labels.ts';
import { formatValue } from '../../../../lib/format.ts';
import type { SeriesData } from '../../../../lib/series.ts';
import { useAlarmThresholds } from '../../api/describe-alarms-for-metric.ts';
import { type AnnotationAlarm, useAnnotationAlarms } from '../../api/describe-alarms.ts';
import { thresholdLines } from '../../model/alarm-thresholds.ts';
import { type MetricWidgetProperties, type WidgetMetric, widgetMetrics } from '../../model/dashboard-body.ts';
import { MetricTable } from './metric-table.tsx';

// Bars and pies load with the first widget that draws one (most dashboards are graphs and numbers).
const MetricBarChart = lazy(() =>
  import('../../../../components/charts/bar-chart.tsx').then((m) => ({ default: m.MetricBarChart })),
);
const MetricPieChart = lazy(() =>
  import('../../../../components/charts/pie-chart.tsx').then((m) => ({ default: m.MetricPieChart })),
);
import {
  cssColor,
  gaugeAnnotations,
  horizontalAnnotations,
  verticalAnnotations,
  widgetPeriod,
} from './widget-model.ts';

/** Props of {@link MetricWidgetView}. */
export interface MetricWidgetViewProps {
  /** The widget's properties from the dashboard body. */
  properties: MetricWidgetProperties;
  /** The range this widget draws (its own when it overrides the dashboard's), epoch ms. */
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at (for the period rules by age and relative labels). */
  nowMs: number;
  /** Height of the drawing area in px. */
  height: number;
  /** Width of the widget's drawing area in px, before the chart measures itself. */
  widthPx: number;
  /** The dashboard's `periodOverride`: 'auto' (default) or 'inherit'. */
  periodOverride?: string;
  /** False until the widget is near the viewport: nothing is asked before (default true). */
  enabled?: boolean;
  /** Reported to `onDrawn` once this widget's data has drawn (default `${startMs}:${endMs}`). */
  rangeKey?: string;
  onDrawn: (rangeKey: string) => void;
  /** Drag-to-zoom on a graph. */
  /** Drag-to-zoom on a graph; undefined turns it off (a widget with its own range). */
  onZoom?: (startMs: number, endMs: number) => void;
}

const NO_METRICS: WidgetMetric[] = [];
const NO_ARNS: string[] = [];

/** Views this component draws; any other is an unsupported view. */
export const METRIC_VIEWS = ['timeSeries', 'singleValue', 'gauge', 'bar', 'pie', 'table'] as const;

/** A graph row for an alarm's metric (`annotations.alarms`). */
function alarmMetric(a: AnnotationAlarm, index: number): WidgetMetric | undefined {
  if (!a.metric) return undefined;
  return {
    id: `alarm${index}`,
    namespace: a.metric.namespace,
    metricName: a.metric.metricName,
    dimensions: a.metric.dimensions,
    stat: a.metric.stat,
    period: a.metric.period,
    visible: true,
    yAxis: 'left',
  };
}

function toQuery(m: WidgetMetric, period: number, ownPeriod: boolean): MetricDataQuery {
  // A dynamic label is filled here from the shown points; the API gives the default label.
  const label = m.label !== undefined && !isDynamicLabel(m.label) ? { Label: m.label } : {};
  const p = ownPeriod && m.period !== undefined ? m.period : period;
  return m.expression !== undefined
    ? { Id: m.id, ...label, ReturnData: m.visible, Expression: m.expression, Period: p }
    : {
        Id: m.id,
        ...label,
        ReturnData: m.visible,
        MetricStat: {
          Metric: {
            Namespace: m.namespace,
            MetricName: m.metricName,
            Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
          },
          Period: p,
          Stat: m.stat,
        },
      };
}

/**
 * The value a number, bar, pie or gauge shows: the latest complete period, and the one before; with
 * `liveData` (CloudWatch's "live data"), the newest period even while it is still filling.
 */
function latest(
  s: SeriesData,
  endMs: number,
  periodMs: number,
  liveData: boolean,
): { value?: number; previous?: number } {
  // The newest period may still be filling: show the latest complete one, as its trend is real.
  let n = s.values.length;
  while (!liveData && n > 1 && s.timestamps[n - 1] + periodMs > endMs) n--;
  while (n > 0 && !Number.isFinite(s.values[n - 1])) n--;
  return {
    ...(n > 0 ? { value: s.values[n - 1] } : {}),
    ...(n > 1 ? { previous: s.values[n - 2] } : {}),
  };
}

/**
 * A CloudWatch metric widget: a graph (lines or stacked areas, left and right axes, annotations,
 * alarms), a number, a gauge, bars, a pie or a table.
 */
export function MetricWidgetView({
  properties,
  startMs,
  endMs,
  nowMs,
  height,
  widthPx,
  periodOverride,
  enabled = true,
  rangeKey = `${startMs}:${endMs}`,
  onDrawn,
  onZoom,
}: MetricWidgetViewProps) {
  const [plotWidth, setPlotWidth] = useState<number | undefined>(undefined);
  const view = properties.view ?? 'timeSeries';
  const graph = view === 'timeSeries';
  const alarmArns = properties.annotations?.alarms ?? NO_ARNS;
  const alarms = useAnnotationAlarms(alarmArns, enabled);
  const metrics = useMemo(() => {
    const own = widgetMetrics(properties);
    const fromAlarms = (alarms.data ?? [])
      .map(alarmMetric)
      .filter((m): m is WidgetMetric => m !== undefined && !own.some((o) => o.id === m.id));
    return [...own, ...fromAlarms];
  }, [properties, alarms.data]);
  // Graphs ask for a point per pixel; the other views need few points.
  const columns = graph ? (plotWidth ?? widthPx) : 60;
  const period = widgetPeriod(properties, startMs, endMs, columns, nowMs, periodOverride);
  const ownPeriod = periodOverride === 'inherit';
  const alignedStart = Math.floor(startMs / (period * 1000)) * period * 1000;
  const queries = useMemo<MetricDataQuery[]>(() => {
    const out = metrics.map((m) => toQuery(m, period, ownPeriod));
    // A metric math alarm's own queries, when their ids do not clash with the widget's.
    for (const a of alarms.data ?? []) {
      if (a.metric || !a.queries) continue;
      if (a.queries.some((q) => out.some((o) => o.Id === q.Id))) continue;
      out.push(...a.queries);
    }
    return out;
  }, [metrics, period, ownPeriod, alarms.data]);
  const waitingForAlarms = alarmArns.length > 0 && alarms.isPending && enabled;
  const request = useMemo(
    () => (enabled && !waitingForAlarms ? { queries, startMs: alignedStart, endMs } : undefined),
    [enabled, waitingForAlarms, queries, alignedStart, endMs],
  );
  // Alarms on the graph's metrics draw their thresholds (graphs only).
  const thresholds = useAlarmThresholds(graph && enabled ? metrics : NO_METRICS);
  const markers = useChartMarkers(startMs, endMs, graph && enabled);
  const { data, error, isPlaceholderData, isFetching } = useMetricData(request);

  // While a new range loads, keep drawing the data we have in the range it belongs to.
  const [shown, setShown] = useState<
    { data: typeof data; startMs: number; endMs: number; periodMs: number } | undefined
  >(undefined);
  if (data && !isPlaceholderData && shown?.data !== data)
    setShown({ data, startMs: alignedStart, endMs, periodMs: period * 1000 });
  const domainStart = shown?.startMs ?? alignedStart;
  const domainEnd = shown?.endMs ?? endMs;
  const shownPeriodMs = shown?.periodMs ?? period * 1000;

  // Only dynamic labels read the clock: without them a new range keeps the series (and the chart) as
  // they are until the new data is in.
  const labelNowMs = metrics.some((m) => m.label !== undefined && isDynamicLabel(m.label)) ? nowMs : 0;
  const series = useMemo<SeriesData[]>(() => {
    if (!shown?.data) return [];
    const names = metrics.filter((x) => x.expression === undefined && x.visible).map((x) => x.metricName);
    const sameName = new Set(names.filter((n, i) => names.indexOf(n) !== i));
    return shown.data.map((s) => {
      // A query that returns several series (SEARCH) gives each the colour and unit of its row.
      const m = metrics.find((x) => x.id === s.queryId);
      const unit =
        m && m.expression === undefined
          ? unitForStat(knownUnit(m.namespace, m.metricName), m.stat)
          : undefined;
      const label =
        m?.label !== undefined && isDynamicLabel(m.label)
          ? resolveDynamicLabel(m.label, {
              timestamps: s.timestamps,
              values: s.values,
              nowMs: labelNowMs,
              defaultLabel: s.label,
              namespace: m.namespace,
              metricName: m.metricName,
              dimensions: m.dimensions,
              stat: m.stat,
              period: m.period ?? shown.periodMs / 1000,
              region: typeof properties.region === 'string' ? properties.region : undefined,
            })
          : m?.label === undefined && m?.expression === undefined && sameName.has(m?.metricName ?? '')
            ? // Two rows of one metric name read alike: name them by their dimension values too.
              [m?.metricName ?? '', ...(m?.dimensions ?? []).map((d) => d.value)].join(' ')
            : s.label;
      return { ...s, label, color: cssColor(m?.color), unit };
    });
  }, [shown, metrics, labelNowMs, properties.region]);

  const alarmLines = useMemo(
    () =>
      thresholdLines(
        (alarms.data ?? []).map((a) => ({
          alarms: [
            {
              AlarmName: a.name,
              Threshold: a.threshold,
              ComparisonOperator: a.comparison,
              StateValue: a.state,
            },
          ],
          format: (v: number) =>
            formatValue(
              v,
              a.metric
                ? unitForStat(knownUnit(a.metric.namespace, a.metric.metricName), a.metric.stat)
                : undefined,
            ),
        })),
      ),
    [alarms.data],
  );
  const annotationsProp = properties.annotations;
  // Vertical annotations are placed in the range; without them the range is not a dependency, so a
  // new range does not redraw the chart before its data is in.
  const hasVertical = (annotationsProp?.vertical?.length ?? 0) > 0;
  const verticalStart = hasVertical ? startMs : 0;
  const verticalEnd = hasVertical ? endMs : 0;
  const annotations = useMemo<ChartAnnotations | undefined>(() => {
    const horizontal = horizontalAnnotations(annotationsProp?.horizontal);
    const { verticals, ranges } = verticalAnnotations(annotationsProp?.vertical, verticalStart, verticalEnd);
    const lines = [...thresholds, ...alarmLines];
    const out: ChartAnnotations = {
      ...(lines.length > 0 ? { thresholds: lines } : {}),
      ...(markers ? { markers } : {}),
      ...(horizontal.length > 0 ? { horizontal } : {}),
      ...(verticals && verticals.length > 0 ? { verticals } : {}),
      ...(ranges && ranges.length > 0 ? { ranges } : {}),
    };
    return Object.keys(out).length > 0 ? out : undefined;
  }, [annotationsProp, verticalStart, verticalEnd, thresholds, alarmLines, markers]);

  const left = properties.yAxis?.left;
  const right = properties.yAxis?.right;
  const yDomain = useMemo<[number | undefined, number | undefined] | undefined>(
    () => (left && (left.min !== undefined || left.max !== undefined) ? [left.min, left.max] : undefined),
    [left],
  );
  const rightIds = useMemo(() => {
    const right = new Set(metrics.filter((m) => m.yAxis === 'right').map((m) => m.id));
    return (shown?.data ?? [])
      .filter((s) => right.has(s.queryId))
      .map((s) => s.id)
      .join(' ');
  }, [metrics, shown]);
  const rightAxis = useMemo<RightAxis | undefined>(
    () =>
      rightIds
        ? {
            seriesIds: rightIds.split(' '),
            ...(right && (right.min !== undefined || right.max !== undefined)
              ? { domain: [right.min, right.max] }
              : {}),
            ...(right?.label !== undefined
              ? { label: right.label }
              : right?.showUnits === false
                ? { label: '' }
                : {}),
          }
        : undefined,
    [rightIds, right],
  );

  const nothingToAsk = queries.length === 0 && !waitingForAlarms;
  const drawn = (data !== undefined && !isPlaceholderData) || nothingToAsk || alarms.error !== null;
  useEffect(() => {
    if (!enabled || (!drawn && !error)) return;
    const id = requestAnimationFrame(() => onDrawn(rangeKey));
    return () => cancelAnimationFrame(id);
  }, [enabled, drawn, error, rangeKey, onDrawn]);

  if (error) {
    return (
      <p role="alert" className="h-full overflow-auto break-words p-3 text-sm text-red-700">
        {error.name}: {error.message}
      </p>
    );
  }
  if (nothingToAsk && enabled) {
    return <p className="p-3 text-sm text-slate-500">This widget has no metrics yet.</p>;
  }
  const busy = isFetching || waitingForAlarms ? 'true' : 'false';
  const units = new Set(series.map((s) => s.unit));
  const unit = units.size === 1 ? [...units][0] : undefined;

  if (view === 'singleValue') {
    const onePeriod = properties.setPeriodToTimeRange === true;
    return (
      <div className="flex h-full flex-wrap content-start gap-3 overflow-auto p-2" aria-busy={busy}>
        {series.map((s) => {
          const { value, previous } = latest(s, domainEnd, shownPeriodMs, properties.liveData === true);
          return (
            <NumberStat
              key={s.id}
              label={s.label}
              value={value}
              previous={onePeriod || properties.trend === false ? undefined : previous}
              unit={s.unit}
              fullPrecision={properties.singleValueFullPrecision === true}
              sparkline={properties.sparkline !== true || onePeriod ? undefined : s}
            />
          );
        })}
      </div>
    );
  }
  if (view === 'gauge') {
    const s = series[0];
    const min = left?.min ?? 0;
    const max = left?.max ?? 100;
    return (
      <div className="flex h-full items-center justify-center" aria-busy={busy}>
        <GaugeChart
          value={s ? latest(s, domainEnd, shownPeriodMs, properties.liveData === true).value : undefined}
          min={min}
          max={max}
          unit={s?.unit}
          label={s?.label ?? metrics[0]?.label ?? metrics[0]?.metricName ?? ''}
          thresholds={gaugeThresholds(gaugeAnnotations(annotationsProp?.horizontal), min, max)}
        />
      </div>
    );
  }
  if (view === 'bar' || view === 'pie') {
    const items = series.map((s) => ({
      id: s.id,
      label: s.label,
      value: latest(s, domainEnd, shownPeriodMs, properties.liveData === true).value,
      ...(s.color ? { color: s.color } : {}),
      ...(s.unit ? { unit: s.unit } : {}),
    }));
    return (
      <div aria-busy={busy}>
        <Suspense fallback={null}>
          {view === 'bar' ? (
            <MetricBarChart
              items={items}
              height={height}
              yDomain={yDomain}
              yLabel={left?.label ?? (left?.showUnits === false ? undefined : unit)}
              lines={horizontalAnnotations(annotationsProp?.horizontal)
                .filter((h) => h.to === undefined && h.axis !== 'right')
                .map((h) => ({
                  value: h.value,
                  ...(h.label ? { label: h.label } : {}),
                  ...(h.color ? { color: h.color } : {}),
                }))}
            />
          ) : (
            <MetricPieChart
              slices={items}
              height={height}
              showLabels={properties.labels?.visible !== false}
              legendPosition={properties.legend?.position}
            />
          )}
        </Suspense>
      </div>
    );
  }
  if (view === 'table') {
    return (
      <div className="h-full overflow-auto" aria-busy={busy}>
        <MetricTable series={series} table={properties.table} />
      </div>
    );
  }
  return (
    <div aria-busy={busy}>
      <TimeSeriesChart
        series={series}
        startMs={domainStart}
        endMs={domainEnd}
        height={height}
        variant={properties.stacked ? 'stacked-area' : 'line'}
        yDomain={yDomain}
        yLabel={left?.label ?? (left?.showUnits === false ? '' : undefined)}
        onZoom={onZoom}
        onWidthChange={setPlotWidth}
        annotations={annotations}
        rightAxis={rightAxis}
        legendPosition={properties.legend?.position}
        syncCrosshair
      />
    </div>
  );
}

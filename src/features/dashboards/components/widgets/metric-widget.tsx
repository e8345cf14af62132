import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { useEffect, useMemo, useState } from 'react';
import { GaugeChart } from '../../../../components/charts/gauge-chart.tsx';
import { TimeSeriesChart } from '../../../../components/charts/time-series-chart.tsx';
import { NumberStat } from '../../../../components/number-stat.tsx';
import { useChartMarkers } from '../../../../lib/audit-events/audit-events.ts';
import { useMetricData } from '../../../../lib/cloudwatch/get-metric-data.ts';
import { knownUnit, unitForStat } from '../../../../lib/cloudwatch/known-units.ts';
import type { SeriesData } from '../../../../lib/series.ts';
import { autoPeriod } from '../../../../lib/time-range.ts';
import { useAlarmThresholds } from '../../api/describe-alarms-for-metric.ts';
import { type MetricWidgetProperties, type WidgetMetric, widgetMetrics } from '../../model/dashboard-body.ts';

/** Props of {@link MetricWidgetView}. */
export interface MetricWidgetViewProps {
  /** The widget's properties from the dashboard body. */
  properties: MetricWidgetProperties;
  /** The dashboard's resolved range, epoch ms. */
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at (for the period rules by age). */
  nowMs: number;
  /** Height of the drawing area in px. */
  height: number;
  /** Width of the widget's drawing area in px, before the chart measures itself. */
  widthPx: number;
  /** Called once the widget has drawn the data of `rangeKey`. */
  onDrawn: (rangeKey: string) => void;
  /** Drag-to-zoom on a graph. */
  onZoom: (startMs: number, endMs: number) => void;
}

const NO_METRICS: WidgetMetric[] = [];

/** A CloudWatch metric widget: a graph (lines or stacked areas), a number, or a gauge. */
export function MetricWidgetView({
  properties,
  startMs,
  endMs,
  nowMs,
  height,
  widthPx,
  onDrawn,
  onZoom,
}: MetricWidgetViewProps) {
  const [plotWidth, setPlotWidth] = useState<number | undefined>(undefined);
  const metrics = useMemo(() => widgetMetrics(properties), [properties]);
  const view = properties.view ?? 'timeSeries';
  // Numbers and gauges show the latest value: a few datapoints at the finest period are enough.
  const columns = view === 'timeSeries' ? (plotWidth ?? widthPx) : 60;
  const period = properties.period ?? autoPeriod(startMs, endMs, Math.max(10, columns), nowMs);
  const alignedStart = Math.floor(startMs / (period * 1000)) * period * 1000;
  const queries = useMemo<MetricDataQuery[]>(
    () =>
      metrics.map((m) =>
        m.expression !== undefined
          ? {
              Id: m.id,
              Label: m.label,
              ReturnData: m.visible,
              Expression: m.expression,
              Period: m.period ?? period,
            }
          : {
              Id: m.id,
              Label: m.label,
              ReturnData: m.visible,
              MetricStat: {
                Metric: {
                  Namespace: m.namespace,
                  MetricName: m.metricName,
                  Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
                },
                Period: m.period ?? period,
                Stat: m.stat,
              },
            },
      ),
    [metrics, period],
  );
  const request = useMemo(() => ({ queries, startMs: alignedStart, endMs }), [queries, alignedStart, endMs]);
  // Alarms on the graph's metrics draw their thresholds (graphs only; numbers and gauges have no y axis).
  const thresholds = useAlarmThresholds(view === 'timeSeries' ? metrics : NO_METRICS);
  // Audit events of the dashboard's range (graphs share one request), as the page's filter selects them.
  const markers = useChartMarkers(startMs, endMs, view === 'timeSeries');
  const annotations = useMemo(
    () =>
      thresholds.length > 0 || markers
        ? { ...(thresholds.length > 0 ? { thresholds } : {}), ...(markers ? { markers } : {}) }
        : undefined,
    [thresholds, markers],
  );
  const { data, error, isPlaceholderData, isFetching } = useMetricData(request);
  const rangeKey = `${startMs}:${endMs}`;

  // While a new range loads, keep drawing the data we have in the range it belongs to: the chart's
  // props stay the same, so it does not redraw twice.
  const [shown, setShown] = useState<
    { data: typeof data; startMs: number; endMs: number; periodMs: number } | undefined
  >(undefined);
  if (data && !isPlaceholderData && shown?.data !== data)
    setShown({ data, startMs: alignedStart, endMs, periodMs: period * 1000 });
  const domainStart = shown?.startMs ?? alignedStart;
  const domainEnd = shown?.endMs ?? endMs;
  const shownPeriodMs = shown?.periodMs ?? period * 1000;
  const left = properties.yAxis?.left;
  const yDomain = useMemo<[number | undefined, number | undefined] | undefined>(
    () => (left ? [left.min, left.max] : undefined),
    [left],
  );

  const series = useMemo<SeriesData[]>(() => {
    if (!shown?.data) return [];
    return shown.data.map((s) => {
      const m = metrics.find((x) => x.id === s.id);
      return {
        ...s,
        color: m?.color,
        unit: m ? unitForStat(knownUnit(m.namespace, m.metricName), m.stat) : undefined,
      };
    });
  }, [shown, metrics]);

  const drawn = data !== undefined && !isPlaceholderData;
  useEffect(() => {
    if (!drawn && !error) return;
    const id = requestAnimationFrame(() => onDrawn(rangeKey));
    return () => cancelAnimationFrame(id);
  }, [drawn, error, rangeKey, onDrawn]);

  if (error) {
    return (
      <p role="alert" className="p-3 text-sm text-red-700">
        {error.name}: {error.message}
      </p>
    );
  }
  const units = new Set(series.map((s) => s.unit));
  const unit = units.size === 1 ? [...units][0] : undefined;
  const busy = isFetching ? 'true' : 'false';

  if (view === 'singleValue') {
    return (
      <div className="flex h-full flex-wrap gap-3 p-2" aria-busy={busy}>
        {series.map((s) => {
          // The newest period may still be filling: show the latest complete one, as its trend is real.
          let n = s.values.length;
          while (n > 0 && s.timestamps[n - 1] + shownPeriodMs > domainEnd) n--;
          return (
            <NumberStat
              key={s.id}
              label={s.label}
              value={n > 0 ? s.values[n - 1] : undefined}
              previous={n > 1 ? s.values[n - 2] : undefined}
              unit={s.unit}
              sparkline={properties.sparkline === false ? undefined : s}
            />
          );
        })}
      </div>
    );
  }
  if (view === 'gauge') {
    const s = series[0];
    const n = s?.values.length ?? 0;
    return (
      <div className="flex h-full items-center justify-center" aria-busy={busy}>
        <GaugeChart
          value={n > 0 ? s.values[n - 1] : undefined}
          min={properties.yAxis?.left?.min ?? 0}
          max={properties.yAxis?.left?.max ?? 100}
          unit={s?.unit}
          label={s?.label ?? metrics[0]?.label ?? metrics[0]?.metricName ?? ''}
        />
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
        yLabel={left?.label ?? unit}
        onZoom={onZoom}
        onWidthChange={setPlotWidth}
        annotations={annotations}
      />
    </div>
  );
}

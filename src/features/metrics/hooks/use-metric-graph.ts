import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { useMemo } from 'react';
import { useMetricData } from '../../../lib/cloudwatch/get-metric-data.ts';
import { useMetricUnits } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import { type MetricIdentity, metricKey, metricLabel } from '../../../lib/cloudwatch/metric-identity.ts';
import { seriesColor } from '../../../lib/palette.ts';
import type { SeriesData } from '../../../lib/series.ts';
import { autoPeriod } from '../../../lib/time-range.ts';
import type { PeriodChoice } from '../model/graph-options.ts';

/** GetMetricData takes at most 500 queries; a graph shows at most that many metrics. */
export const MAX_GRAPHED_METRICS = 500;

/** Until the chart has measured itself, the automatic period assumes a plot this wide. */
const DEFAULT_PLOT_WIDTH_PX = 1000;

/** What to graph and over which instants. */
export interface MetricGraphInput {
  metrics: readonly MetricIdentity[];
  stat: string;
  period: PeriodChoice;
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at, for the period rules by age. */
  nowMs: number;
  /** The chart's plot width in px, once measured. */
  widthPx: number | undefined;
}

/** One graphed metric: its label and colour in the chart, and the unit of its values. */
export interface GraphedMetric {
  metric: MetricIdentity;
  label: string;
  color: string;
  unit?: string;
}

/** Labels for the legend: the metric's name and dimension values, with the namespace where that alone is ambiguous. */
export function graphLabels(metrics: readonly MetricIdentity[]): string[] {
  const labels = metrics.map(metricLabel);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return labels.map((l, i) => ((counts.get(l) ?? 0) > 1 ? `${metrics[i].namespace} ${l}` : l));
}

/**
 * The series of the checked metrics, one GetMetricData request for all of them (query Ids `m0`,
 * `m1`, … in graph order), each series with its colour, label and the unit of the statistic.
 */
export function useMetricGraph(input: MetricGraphInput) {
  const { stat, period, startMs, endMs, nowMs, widthPx } = input;
  const metrics = useMemo(() => input.metrics.slice(0, MAX_GRAPHED_METRICS), [input.metrics]);
  const periodSeconds =
    period === 'auto' ? autoPeriod(startMs, endMs, widthPx || DEFAULT_PLOT_WIDTH_PX, nowMs) : period;
  const metricUnits = useMetricUnits(metrics, endMs);
  const unitsKey = metricUnits.join('\u0000');

  const graphed = useMemo(() => {
    const labels = graphLabels(metrics);
    const units = unitsKey.split('\u0000');
    return metrics.map((metric, i): GraphedMetric => ({
      metric,
      label: labels[i],
      color: seriesColor(i),
      unit: unitForStat(units[i] || undefined, stat),
    }));
  }, [metrics, stat, unitsKey]);

  const request = useMemo(() => {
    if (metrics.length === 0 || stat.trim() === '') return undefined;
    const queries: MetricDataQuery[] = metrics.map((m, i) => ({
      Id: `m${i}`,
      Label: graphed[i].label,
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: m.namespace,
          MetricName: m.metricName,
          Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
        },
        Period: periodSeconds,
        Stat: stat.trim(),
      },
    }));
    return { queries, startMs, endMs };
  }, [metrics, graphed, stat, periodSeconds, startMs, endMs]);

  const query = useMetricData(request);

  const series = useMemo((): SeriesData[] => {
    const byId = new Map((query.data ?? []).map((s) => [s.id, s]));
    return graphed.map((g, i) => {
      const found = byId.get(`m${i}`);
      // Ids follow the metric, not its position, so the legend's hidden series stay hidden when another is removed.
      return {
        id: metricKey(g.metric),
        label: g.label,
        color: g.color,
        ...(g.unit !== undefined ? { unit: g.unit } : {}),
        timestamps: found?.timestamps ?? [],
        values: found?.values ?? [],
      };
    });
  }, [graphed, query.data]);

  return {
    graphed,
    series,
    periodSeconds,
    /** More metrics are checked than one graph can show. */
    truncated: input.metrics.length > metrics.length,
    isFetching: query.isFetching,
    error: request ? query.error : null,
  };
}

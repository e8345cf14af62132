import { useMemo } from 'react';
import { useMetricUnits } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import { type MetricIdentity, metricLabel } from '../../../lib/cloudwatch/metric-identity.ts';
import { seriesColor } from '../../../lib/palette.ts';
import { autoPeriod } from '../../../lib/time-range.ts';
import { useMetricGraphData } from '../api/get-metric-graph-data.ts';
import type { PeriodChoice } from '../model/graph-options.ts';
import {
  type MathExpression,
  type MetricQueryOptions,
  buildGraphQueries,
  returnsData,
} from '../model/graph-queries.ts';
import { type GraphedMetric, type QueryProblem, graphView } from '../model/graph-results.ts';

/** GetMetricData takes at most 500 queries; a graph shows at most that many metrics. */
export const MAX_GRAPHED_METRICS = 500;

/** Until the chart has measured itself, the automatic period assumes a plot this wide. */
const DEFAULT_PLOT_WIDTH_PX = 1000;

/** What to graph and over which instants. */
export interface MetricGraphInput {
  metrics: readonly MetricIdentity[];
  /** Index-aligned with `metrics`. */
  metricOptions: readonly MetricQueryOptions[];
  expressions: readonly MathExpression[];
  stat: string;
  period: PeriodChoice;
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at, for the period rules by age. */
  nowMs: number;
  /** The chart's plot width in px, once measured. */
  widthPx: number | undefined;
}

/** Labels for the legend: the metric's name and dimension values, with the namespace where that alone is ambiguous. */
export function graphLabels(metrics: readonly MetricIdentity[]): string[] {
  const labels = metrics.map(metricLabel);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return labels.map((l, i) => ((counts.get(l) ?? 0) > 1 ? `${metrics[i].namespace} ${l}` : l));
}

/**
 * The graph's lines and band: one GetMetricData request for the checked metrics (Ids m1, m2, … as
 * the selection keeps them), their anomaly bands and the math expressions. Each metric line has its
 * colour, label and the unit of the statistic; an expression the API refuses is left out (see
 * getMetricGraphData) and its error is under `problems` with its Id.
 */
export function useMetricGraph(input: MetricGraphInput) {
  const { stat, period, startMs, endMs, nowMs, widthPx, expressions } = input;
  const metrics = useMemo(() => input.metrics.slice(0, MAX_GRAPHED_METRICS), [input.metrics]);
  const metricOptions = useMemo(
    () => input.metricOptions.slice(0, MAX_GRAPHED_METRICS),
    [input.metricOptions],
  );
  const periodSeconds =
    period === 'auto' ? autoPeriod(startMs, endMs, widthPx || DEFAULT_PLOT_WIDTH_PX, nowMs) : period;
  const metricUnits = useMetricUnits(metrics, endMs);
  const unitsKey = metricUnits.join('\u0000');

  const graphed = useMemo(() => {
    const labels = graphLabels(metrics);
    const units = unitsKey.split('\u0000');
    return metrics.map((metric, i): GraphedMetric => ({
      metric,
      id: metricOptions[i].id,
      label: labels[i],
      color: seriesColor(i),
      unit: unitForStat(units[i] || undefined, stat),
      visible: metricOptions[i].visible,
      ...(metricOptions[i].bandWidth !== undefined ? { bandWidth: metricOptions[i].bandWidth } : {}),
    }));
  }, [metrics, metricOptions, stat, unitsKey]);

  const queries = useMemo(
    () =>
      buildGraphQueries({
        metrics,
        options: metricOptions,
        labels: graphed.map((g) => g.label),
        expressions,
        stat,
        periodSeconds,
      }),
    [metrics, metricOptions, graphed, expressions, stat, periodSeconds],
  );
  const statMissing = metrics.length > 0 && stat.trim() === '';
  const request = useMemo(
    () => (statMissing || !returnsData(queries) ? undefined : { queries, startMs, endMs }),
    [statMissing, queries, startMs, endMs],
  );

  const query = useMetricGraphData(request);
  const data = request ? query.data : undefined;

  const view = useMemo(
    () => graphView(graphed, expressions, data?.results ?? []),
    [graphed, expressions, data],
  );
  const problems = useMemo(
    (): Record<string, QueryProblem> => ({ ...view.problems, ...data?.refused }),
    [view.problems, data],
  );

  return {
    graphed,
    series: view.series,
    /** The first anomaly band (the chart draws one). */
    band: view.bands[0],
    expressionColors: view.expressionColors,
    /** Why a query drew nothing, by its Id (expressions eN, bands adN). */
    problems,
    periodSeconds,
    /** Whether any query would be sent: false while every metric and expression is hidden or blank. */
    drawsAnything: queries.length > 0 && returnsData(queries),
    /** More metrics are checked than one graph can show. */
    truncated: input.metrics.length > metrics.length,
    isFetching: query.isFetching,
    error: request ? query.error : null,
  };
}

import { DescribeAlarmsForMetricCommand, type Statistic } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { knownUnit, unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { formatValue } from '../../../lib/format.ts';
import {
  type ThresholdAlarm,
  type ThresholdLine,
  statisticFields,
  thresholdLines,
} from '../model/alarm-thresholds.ts';
import type { WidgetMetric } from '../model/dashboard-body.ts';

/** The metric, statistic and (when fixed) period whose alarms a graph asks for. */
export interface AlarmedMetric {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  stat: string;
  period?: number;
}

/**
 * DescribeAlarmsForMetric: the single-metric alarms on exactly this metric, statistic and period.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmsForMetric.html
 */
export async function describeAlarmsForMetric(
  connection: Connection,
  m: AlarmedMetric,
): Promise<ThresholdAlarm[]> {
  const { Statistic: statistic, ExtendedStatistic } = statisticFields(m.stat);
  const out = await cloudWatchClient(connection).send(
    new DescribeAlarmsForMetricCommand({
      Namespace: m.namespace,
      MetricName: m.metricName,
      Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      Statistic: statistic as Statistic | undefined,
      ExtendedStatistic,
      Period: m.period,
    }),
  );
  return (out.MetricAlarms ?? []).map((a) => ({
    AlarmName: a.AlarmName,
    Threshold: a.Threshold,
    ComparisonOperator: a.ComparisonOperator,
    StateValue: a.StateValue,
  }));
}

export const alarmsForMetricQueryOptions = (connection: Connection, m: AlarmedMetric) =>
  queryOptions({
    // Under DescribeAlarms' prefix, so whatever invalidates the alarms (a saved or deleted alarm,
    // in any feature) redraws the thresholds too.
    queryKey: [
      'cloudwatch',
      'DescribeAlarms',
      connection.endpoint,
      connection.region,
      'dashboards-for-metric',
      m.namespace,
      m.metricName,
      m.dimensions,
      m.stat,
      m.period ?? 'any',
    ],
    queryFn: () => describeAlarmsForMetric(connection, m),
    // Thresholds change rarely; the colour follows the alarm's state.
    staleTime: 15_000,
    refetchInterval: 30_000,
  });

/**
 * The threshold lines of the alarms on a graph's visible metrics. Period is sent only when the
 * widget fixes it: an automatic period follows the range and the chart's width, and would hide
 * the alarms (they keep their own period) most of the time. A failing call draws no lines.
 */
export function useAlarmThresholds(metrics: readonly WidgetMetric[]): ThresholdLine[] {
  const connection = useConnectionStore();
  const visible = useMemo(() => metrics.filter((m) => m.visible && m.expression === undefined), [metrics]);
  // Thresholds read in the metric's unit, as its axis does (`250 ms` for a p99 latency in seconds).
  const combine = useCallback(
    (results: { data?: ThresholdAlarm[] }[]): ThresholdLine[] =>
      thresholdLines(
        results.map((r, i) => {
          const m = visible[i];
          const unit = m ? unitForStat(knownUnit(m.namespace, m.metricName), m.stat) : undefined;
          return { alarms: r.data, format: (v: number) => formatValue(v, unit) };
        }),
      ),
    [visible],
  );
  const queries = useMemo(
    () =>
      visible.map((m) =>
        alarmsForMetricQueryOptions(connection, {
          namespace: m.namespace,
          metricName: m.metricName,
          dimensions: m.dimensions,
          stat: m.stat,
          period: m.period,
        }),
      ),
    [visible, connection],
  );
  const lines = useQueries({ queries, combine });
  // The same lines keep the same array, so the chart (memoized on its props) does not redraw for
  // every refetch that changed nothing.
  const [stable, setStable] = useState(lines);
  if (stable !== lines && !sameLines(stable, lines)) setStable(lines);
  return stable;
}

const sameLines = (a: ThresholdLine[], b: ThresholdLine[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => x.value === b[i].value && x.label === b[i].label && x.color === b[i].color);

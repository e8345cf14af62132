/** What DescribeAlarmsForMetric returns of an alarm that the graph needs. */
export interface ThresholdAlarm {
  AlarmName?: string;
  Threshold?: number;
  ComparisonOperator?: string;
  StateValue?: string;
}

/** A horizontal line on a time-series chart. */
export interface ThresholdLine {
  value: number;
  label: string;
  color?: string;
}

const SYMBOL: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '≥',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

/** Colours of threshold lines: red while the alarm is in ALARM, amber otherwise. */
export const THRESHOLD_ALARM_COLOR = '#d62728';
export const THRESHOLD_COLOR = '#f59e0b';

/** The alarms on one metric of a graph, and how that metric's values read (`250 ms`, `55 %`). */
export interface MetricThresholds {
  alarms: readonly ThresholdAlarm[] | undefined;
  format?: (value: number) => string;
}

/**
 * The threshold lines of the alarms on a graph's metrics, one per alarm, e.g. `cpu-high > 80 %`.
 * Alarms without a static threshold (anomaly detection bands) draw none.
 */
export function thresholdLines(perMetric: readonly MetricThresholds[]): ThresholdLine[] {
  const seen = new Set<string>();
  const out: ThresholdLine[] = [];
  for (const { alarms, format = String } of perMetric) {
    for (const a of alarms ?? []) {
      const name = a.AlarmName ?? '';
      if (a.Threshold === undefined || !Number.isFinite(a.Threshold) || seen.has(name)) continue;
      seen.add(name);
      const symbol = SYMBOL[a.ComparisonOperator ?? ''];
      out.push({
        value: a.Threshold,
        label: symbol ? `${name} ${symbol} ${format(a.Threshold)}` : `${name}: ${format(a.Threshold)}`,
        color: a.StateValue === 'ALARM' ? THRESHOLD_ALARM_COLOR : THRESHOLD_COLOR,
      });
    }
  }
  return out.sort((a, b) => a.value - b.value || a.label.localeCompare(b.label));
}

const STATISTICS = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);

/** DescribeAlarmsForMetric takes a standard statistic as Statistic and the rest (p99, tm90…) as ExtendedStatistic. */
export function statisticFields(stat: string): { Statistic?: string; ExtendedStatistic?: string } {
  return STATISTICS.has(stat) ? { Statistic: stat } : { ExtendedStatistic: stat };
}

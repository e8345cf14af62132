// The one-line condition of a metric alarm, as the list and the detail page show it:
// `CPUUtilization > 80 for 2 of 3 datapoints within 15 minutes`.
import type { ComparisonOperator, MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { durationLabel } from './durations.ts';

/** The comparison operators of static thresholds, with their symbol. */
export const STATIC_OPERATORS: readonly { value: ComparisonOperator; symbol: string; label: string }[] = [
  { value: 'GreaterThanThreshold', symbol: '>', label: 'Greater than (>)' },
  { value: 'GreaterThanOrEqualToThreshold', symbol: '>=', label: 'Greater than or equal to (>=)' },
  { value: 'LessThanThreshold', symbol: '<', label: 'Less than (<)' },
  { value: 'LessThanOrEqualToThreshold', symbol: '<=', label: 'Less than or equal to (<=)' },
];

/** The comparison operators of anomaly detection alarms, against the band. */
export const BAND_OPERATORS: readonly { value: ComparisonOperator; phrase: string; label: string }[] = [
  {
    value: 'LessThanLowerOrGreaterThanUpperThreshold',
    phrase: 'outside the band',
    label: 'Outside the band (greater than upper or lower than lower)',
  },
  { value: 'GreaterThanUpperThreshold', phrase: 'above the band', label: 'Greater than the band' },
  { value: 'LessThanLowerThreshold', phrase: 'below the band', label: 'Lower than the band' },
];

/** Whether the operator compares against an anomaly band rather than a number. */
export function isBandOperator(op: string | undefined): boolean {
  return BAND_OPERATORS.some((o) => o.value === op);
}

/** The symbol of a static operator (`>`), or the operator itself when unknown. */
export function operatorSymbol(op: string | undefined): string {
  return STATIC_OPERATORS.find((o) => o.value === op)?.symbol ?? op ?? '?';
}

/** `ANOMALY_DETECTION_BAND(m1, 2)` → `{ input: 'm1', width: 2 }`; the width defaults to 2 as in AWS. */
export function parseBandExpression(
  expression: string | undefined,
): { input: string; width: number } | undefined {
  const m =
    /^\s*ANOMALY_DETECTION_BAND\s*\(\s*([A-Za-z_][\w]*)\s*(?:,\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*)?\)\s*$/.exec(
      expression ?? '',
    );
  if (!m) return undefined;
  return { input: m[1], width: m[2] === undefined ? 2 : Number(m[2]) };
}

/**
 * The query whose values an alarm on `Metrics` evaluates: the one returning data that is not the
 * threshold band (an anomaly alarm returns both), else the first that is not the band.
 */
export function evaluatedQuery(
  metrics: readonly MetricDataQuery[],
  thresholdMetricId: string | undefined,
): MetricDataQuery | undefined {
  const candidates = metrics.filter((q) => q.Id !== thresholdMetricId);
  return candidates.find((q) => q.ReturnData !== false) ?? candidates[0];
}

/** What a query graphs, in a few words: its label, its metric's name, or its expression. */
export function queryLabel(q: MetricDataQuery | undefined): string {
  if (!q) return '?';
  return q.Label || q.MetricStat?.Metric?.MetricName || q.Expression || q.Id || '?';
}

/** The alarm's period in seconds: its own, or that of its metric queries. */
export function alarmPeriod(alarm: Pick<MetricAlarm, 'Period' | 'Metrics'>): number | undefined {
  if (alarm.Period !== undefined) return alarm.Period;
  for (const q of alarm.Metrics ?? []) {
    const p = q.MetricStat?.Period ?? q.Period;
    if (p !== undefined) return p;
  }
  return undefined;
}

/** The fields of a metric alarm the summary reads. */
export type ConditionFields = Pick<
  MetricAlarm,
  | 'MetricName'
  | 'Metrics'
  | 'ThresholdMetricId'
  | 'ComparisonOperator'
  | 'Threshold'
  | 'Period'
  | 'EvaluationPeriods'
  | 'DatapointsToAlarm'
>;

/** A threshold as people write it: `80`, `0.5`, `1e-7`. */
export function formatThreshold(value: number | undefined): string {
  return value === undefined ? '?' : String(value);
}

/**
 * The condition of a metric alarm in words: what is compared (`CPUUtilization > 80`, `Errors above
 * the band (width 2)`), then how many breaching datapoints it takes (`for 2 of 3 datapoints`, or
 * `for 3 datapoints` when all must breach) within Period × EvaluationPeriods.
 */
export function conditionSummary(alarm: ConditionFields): string {
  const metrics = alarm.Metrics ?? [];
  const what =
    metrics.length > 0
      ? queryLabel(evaluatedQuery(metrics, alarm.ThresholdMetricId))
      : (alarm.MetricName ?? '?');
  let comparison: string;
  const band = BAND_OPERATORS.find((o) => o.value === alarm.ComparisonOperator);
  if (band) {
    const bandQuery = metrics.find((q) => q.Id === alarm.ThresholdMetricId);
    const parsed = parseBandExpression(bandQuery?.Expression);
    comparison = `${what} ${band.phrase}${parsed ? ` (width ${parsed.width})` : ''}`;
  } else {
    comparison = `${what} ${operatorSymbol(alarm.ComparisonOperator)} ${formatThreshold(alarm.Threshold)}`;
  }
  const n = alarm.EvaluationPeriods;
  if (n === undefined) return comparison;
  const m = alarm.DatapointsToAlarm ?? n;
  const count = m === n ? `${n} datapoint${n === 1 ? '' : 's'}` : `${m} of ${n} datapoints`;
  const period = alarmPeriod(alarm);
  const within = period !== undefined ? ` within ${durationLabel(period * n)}` : '';
  return `${comparison} for ${count}${within}`;
}

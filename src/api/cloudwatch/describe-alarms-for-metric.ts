import type { Engine, MetricAlarm } from '../../engine/index.ts';
import { metricAlarmOut } from './alarm-shapes.ts';
import { type Json, dimensionsAt, metricNameAt, namespaceAt, numberAt, stringAt, unitAt } from './input.ts';

const sameDims = (a: { name: string; value: string }[], b: { name: string; value: string }[]) =>
  a.length === b.length && a.every((d) => b.some((e) => e.name === d.name && e.value === d.value));

/**
 * DescribeAlarmsForMetric: the metric alarms on one metric (optionally of one statistic, period, unit).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmsForMetric.html
 */
export function describeAlarmsForMetric(input: Json, engine: Engine): Json {
  const namespace = namespaceAt(input, 'Namespace', 'Namespace', true);
  const metricName = metricNameAt(input, 'MetricName', 'MetricName', true);
  const dimensions = dimensionsAt(input, 'Dimensions', 'Dimensions', 30);
  const statistic = stringAt(input, 'Statistic', 'Statistic');
  const extended = stringAt(input, 'ExtendedStatistic', 'ExtendedStatistic');
  const period = numberAt(input, 'Period', 'Period');
  const unit = unitAt(input, 'Unit', 'Unit');
  const alarms = engine.alarms
    .list()
    .filter((a): a is MetricAlarm => a.type === 'MetricAlarm' && !a.metrics)
    .filter(
      (a) =>
        a.namespace === namespace &&
        a.metricName === metricName &&
        sameDims(a.dimensions, dimensions) &&
        (statistic === undefined || a.statistic === statistic) &&
        (extended === undefined || a.extendedStatistic === extended) &&
        (period === undefined || a.periodSeconds === period) &&
        (unit === undefined || a.unit === unit),
    );
  return { MetricAlarms: alarms.map(metricAlarmOut) };
}

import type { Engine } from '../../engine/index.ts';
import { detectorMetricAt } from './anomaly-detector-input.ts';
import { invalidParameterValue, limitExceeded } from './errors.ts';
import { type Json, isObject, listAt, objectAt, stringAt, timestampAt } from './input.ts';

/**
 * PutAnomalyDetector: the model of a metric and statistic, with excluded time ranges.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutAnomalyDetector.html
 */
export function putAnomalyDetector(input: Json, engine: Engine): Json {
  const metric = detectorMetricAt(input);
  const configuration = objectAt(input, 'Configuration', 'Configuration');
  const ranges = configuration
    ? (listAt(configuration, 'ExcludedTimeRanges', 'Configuration.ExcludedTimeRanges') ?? [])
    : [];
  if (ranges.length > 10)
    throw invalidParameterValue(
      'The collection Configuration.ExcludedTimeRanges must not have a size greater than 10.',
    );
  const excludedTimeRanges = ranges.map((r, i) => {
    const p = `Configuration.ExcludedTimeRanges.member.${i + 1}`;
    if (!isObject(r))
      throw invalidParameterValue(`The value for parameter ${p} is invalid: expected a structure.`);
    const startMs = timestampAt(r, 'StartTime', `${p}.StartTime`, true);
    const endMs = timestampAt(r, 'EndTime', `${p}.EndTime`, true);
    if (startMs >= endMs)
      throw invalidParameterValue(`The parameter ${p}.StartTime must be less than ${p}.EndTime.`);
    return { startMs, endMs };
  });
  const metricTimezone = configuration
    ? stringAt(configuration, 'MetricTimezone', 'Configuration.MetricTimezone', false, 50)
    : undefined;
  const existing = engine.alarms.detector(
    metric.namespace,
    metric.metricName,
    metric.dimensions,
    metric.stat,
  );
  if (!existing && engine.alarms.listDetectors().length >= 500)
    throw limitExceeded('The maximum number of anomaly detection models (500) has been reached.');
  engine.alarms.putDetector({ ...metric, excludedTimeRanges, metricTimezone }, engine.now());
  return {};
}

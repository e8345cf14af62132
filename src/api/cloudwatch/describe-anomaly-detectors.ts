import type { Engine } from '../../engine/index.ts';
import { detectorState } from './anomaly-detector-input.ts';
import { invalidNextToken } from './errors.ts';
import {
  type Json,
  decodeToken,
  dimensionsAt,
  dimensionsOut,
  encodeToken,
  integerAt,
  metricNameAt,
  namespaceAt,
  stringAt,
} from './input.ts';

/**
 * DescribeAnomalyDetectors: filtered by namespace, metric name and dimensions, paginated.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAnomalyDetectors.html
 */
export function describeAnomalyDetectors(input: Json, engine: Engine): Json {
  const namespace = namespaceAt(input, 'Namespace', 'Namespace');
  const metricName = metricNameAt(input, 'MetricName', 'MetricName');
  const dimensions = dimensionsAt(input, 'Dimensions', 'Dimensions', 30);
  const max = integerAt(input, 'MaxResults', 'MaxResults', 1, 100) ?? 100;
  const request = { namespace, metricName, dimensions, max };
  const token = stringAt(input, 'NextToken', 'NextToken');
  let offset = 0;
  if (token !== undefined) {
    const p = decodeToken<number>(token, request);
    if (typeof p !== 'number') throw invalidNextToken();
    offset = p;
  }
  const items = engine.alarms
    .listDetectors()
    .filter(
      (d) =>
        (namespace === undefined || d.namespace === namespace) &&
        (metricName === undefined || d.metricName === metricName) &&
        dimensions.every((f) => d.dimensions.some((x) => x.name === f.name && x.value === f.value)),
    );
  const out: Json = {
    AnomalyDetectors: items.slice(offset, offset + max).map((d) => {
      const single = {
        Namespace: d.namespace,
        MetricName: d.metricName,
        Dimensions: dimensionsOut(d.dimensions),
        Stat: d.stat,
      };
      return {
        ...single,
        SingleMetricAnomalyDetector: single,
        Configuration: {
          ExcludedTimeRanges: d.excludedTimeRanges.map((r) => ({
            StartTime: r.startMs / 1000,
            EndTime: r.endMs / 1000,
          })),
          MetricTimezone: d.metricTimezone,
        },
        StateValue: detectorState(engine, d.createdMs),
      };
    }),
  };
  if (offset + max < items.length) out.NextToken = encodeToken(request, offset + max);
  return out;
}

import { DescribeAlarmsForMetricCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { describeAlarmsQueryPrefix } from './describe-alarms.ts';

/**
 * DescribeAlarmsForMetric: the single-metric alarms already watching a metric (any statistic and
 * period), so the form can say what exists before another is added.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmsForMetric.html
 */
export async function describeAlarmsForMetric(
  connection: Connection,
  metric: MetricIdentity,
): Promise<MetricAlarm[]> {
  const out = await cloudWatchClient(connection).send(
    new DescribeAlarmsForMetricCommand({
      Namespace: metric.namespace,
      MetricName: metric.metricName,
      Dimensions: metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
    }),
  );
  return out.MetricAlarms ?? [];
}

export const alarmsForMetricQueryOptions = (connection: Connection, metric: MetricIdentity) =>
  queryOptions({
    // Under the DescribeAlarms prefix, so saving or deleting an alarm refreshes it.
    queryKey: [...describeAlarmsQueryPrefix(connection), 'for-metric', metric],
    queryFn: () => describeAlarmsForMetric(connection, metric),
  });

/** The alarms on a metric; idle until the metric is chosen. */
export function useAlarmsForMetric(metric: MetricIdentity | undefined) {
  const connection = useConnectionStore();
  return useQuery({
    ...alarmsForMetricQueryOptions(connection, metric ?? { namespace: '', metricName: '', dimensions: [] }),
    enabled: metric !== undefined,
  });
}

import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type MetricIdentity, canonicalMetric } from '../../../lib/cloudwatch/metric-identity.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';

/**
 * ListMetrics through the SDK, every page, dimensions sorted by name: what the alarm form's metric
 * picker chooses from (namespace → metric name → dimension set).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html
 */
export async function listMetrics(connection: Connection): Promise<MetricIdentity[]> {
  const client = cloudWatchClient(connection);
  const metrics: MetricIdentity[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new ListMetricsCommand({ NextToken: nextToken }));
    for (const m of out.Metrics ?? []) {
      metrics.push(
        canonicalMetric({
          namespace: m.Namespace ?? '',
          metricName: m.MetricName ?? '',
          dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
        }),
      );
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return metrics;
}

// Under the ListMetrics prefix every feature shares, so a publish elsewhere that invalidates
// `['cloudwatch', 'ListMetrics', endpoint, region]` refreshes this list too.
export const listMetricsQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: ['cloudwatch', 'ListMetrics', connection.endpoint, connection.region, 'alarm-picker'],
    queryFn: () => listMetrics(connection),
    staleTime: 60_000,
  });

export function useListMetrics() {
  const connection = useConnectionStore();
  return useQuery(listMetricsQueryOptions(connection));
}

import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../aws-clients.ts';
import { type Connection, useConnectionStore } from '../connection-store.ts';
import { type MetricIdentity, canonicalMetric } from './metric-identity.ts';

/**
 * ListMetrics through the SDK, following NextToken until every page is in. Dimensions come back
 * sorted by name, so a listed metric compares equal to the same metric typed in another order.
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

export const listMetricsQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: ['cloudwatch', 'ListMetrics', connection.endpoint, connection.region],
    queryFn: () => listMetrics(connection),
    staleTime: 60_000,
  });

/** Every metric the backend knows, in every namespace (AWS/ and custom). */
export function useListMetrics() {
  const connection = useConnectionStore();
  return useQuery(listMetricsQueryOptions(connection));
}

import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../aws-clients.ts';
import { type Connection, useConnectionStore } from '../connection-store.ts';
import type { SeriesData } from '../series.ts';

/** A request for the series of one chart. */
export interface MetricDataRequest {
  queries: MetricDataQuery[];
  startMs: number;
  endMs: number;
}

/** One returned series, with the query Id and the API's status. */
export interface MetricDataSeries extends SeriesData {
  statusCode?: string;
}

/**
 * GetMetricData through the SDK, following NextToken until every page is in, oldest first.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getMetricData(
  connection: Connection,
  req: MetricDataRequest,
): Promise<MetricDataSeries[]> {
  const client = cloudWatchClient(connection);
  const byId = new Map<string, MetricDataSeries>();
  let nextToken: string | undefined;
  do {
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: req.queries,
        StartTime: new Date(req.startMs),
        EndTime: new Date(req.endMs),
        ScanBy: 'TimestampAscending',
        NextToken: nextToken,
      }),
    );
    for (const r of out.MetricDataResults ?? []) {
      const id = r.Id ?? '';
      let s = byId.get(id);
      if (!s) {
        s = { id, label: r.Label ?? id, timestamps: [], values: [], statusCode: r.StatusCode };
        byId.set(id, s);
      }
      const ts = r.Timestamps ?? [];
      const vs = r.Values ?? [];
      for (let i = 0; i < ts.length; i++) {
        s.timestamps.push(ts[i].getTime());
        s.values.push(vs[i]);
      }
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return [...byId.values()];
}

export const metricDataQueryOptions = (connection: Connection, req: MetricDataRequest) =>
  queryOptions({
    queryKey: ['cloudwatch', 'GetMetricData', connection.endpoint, req],
    queryFn: () => getMetricData(connection, req),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** The series of one chart; keeps the previous data on screen while a new range loads. */
export function useMetricData(req: MetricDataRequest | undefined) {
  const connection = useConnectionStore();
  return useQuery({
    ...metricDataQueryOptions(connection, req ?? { queries: [], startMs: 0, endMs: 0 }),
    enabled: req !== undefined && req.queries.length > 0,
  });
}

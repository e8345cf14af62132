import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Connection, useConnectionStore } from '../connection-store.ts';
import type { SeriesData } from '../series.ts';
import { getMetricDataResults } from './get-metric-data-results.ts';

/** A request for the series of one chart. */
export interface MetricDataRequest {
  queries: MetricDataQuery[];
  startMs: number;
  endMs: number;
}

/** One returned series: its own id, the Id of the query that gave it, and the API's status. */
export interface MetricDataSeries extends SeriesData {
  /** The query's Id; several series share it when the query returns an array (SEARCH, METRICS()). */
  queryId: string;
  statusCode?: string;
}

/**
 * The id of the n-th series (0-based) a query returned: its Id for the first, `Id~n` for the others
 * (`~` cannot appear in an Id, so these never collide with another query's).
 */
export const seriesIdOf = (queryId: string, n: number): string => (n === 0 ? queryId : `${queryId}~${n}`);

/**
 * GetMetricData through the SDK, every page joined, oldest first: one series per MetricDataResult, so an
 * expression that returns an array of time series (SEARCH, METRICS(), a band) gives one series each.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getMetricData(
  connection: Connection,
  req: MetricDataRequest,
): Promise<MetricDataSeries[]> {
  const results = await getMetricDataResults(connection, req);
  const count = new Map<string, number>();
  return results.map((r) => {
    const n = count.get(r.id) ?? 0;
    count.set(r.id, n + 1);
    return {
      id: seriesIdOf(r.id, n),
      queryId: r.id,
      label: r.label,
      timestamps: r.timestamps,
      values: r.values,
      statusCode: r.statusCode,
    };
  });
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

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MetricDataRequest } from '../../../lib/cloudwatch/get-metric-data.ts';
import {
  type MetricDataResultSeries,
  getMetricDataResults,
} from '../../../lib/cloudwatch/get-metric-data-results.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { dependentsOf, failedExpressionIndex, returnsData } from '../model/graph-queries.ts';
import type { QueryProblem } from '../model/graph-results.ts';

/** The graph's results, and the expressions that were left out of the request and why. */
export interface MetricGraphData {
  /** One per MetricDataResult, in the order returned (an array expression gives several with its Id). */
  results: MetricDataResultSeries[];
  /** By query Id: the API's error for an expression it refused, or why one that uses it was left out. */
  refused: Record<string, QueryProblem>;
}

/**
 * GetMetricData for the graph. GetMetricData refuses the whole request for one bad expression
 * (InvalidParameterValue naming `MetricDataQueries.member.N.Expression`), so the expression it names,
 * and the expressions that use it, are taken out and the rest is asked again: the metrics and the
 * good expressions still draw, and the error is kept for the expression's row. Any other error fails
 * the graph.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getMetricGraphData(
  connection: Connection,
  req: MetricDataRequest,
): Promise<MetricGraphData> {
  const refused: Record<string, QueryProblem> = {};
  let queries = req.queries;
  // Every pass sends fewer queries, so this ends.
  for (;;) {
    if (!returnsData(queries)) return { results: [], refused };
    try {
      return { results: await getMetricDataResults(connection, { ...req, queries }), refused };
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const index = failedExpressionIndex(error.message);
      const failed = index === undefined ? undefined : queries[index];
      if (failed?.Id === undefined || failed.Expression === undefined) throw error;
      const failedId = failed.Id;
      refused[failedId] = { name: error.name, message: error.message };
      const dependents = dependentsOf(queries, failedId);
      for (const id of dependents)
        refused[id] = { message: `Not drawn: it uses ${failedId}, which has an error.` };
      const left = new Set([failedId, ...dependents]);
      queries = queries.filter((q) => q.Id === undefined || !left.has(q.Id));
    }
  }
}

export const metricGraphDataQueryOptions = (connection: Connection, req: MetricDataRequest) =>
  queryOptions({
    queryKey: ['cloudwatch', 'GetMetricData', 'graph', connection.endpoint, req],
    queryFn: () => getMetricGraphData(connection, req),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** The explorer graph's data; keeps the previous data on screen while a new request loads. */
export function useMetricGraphData(req: MetricDataRequest | undefined) {
  const connection = useConnectionStore();
  return useQuery({
    ...metricGraphDataQueryOptions(connection, req ?? { queries: [], startMs: 0, endMs: 0 }),
    enabled: req !== undefined && req.queries.length > 0,
  });
}

// GetMetricData, one entry per MetricDataResult. An expression that returns an array of time series
// (SEARCH(…), METRICS(), ANOMALY_DETECTION_BAND(m1), SORT(…)) comes back as several MetricDataResults
// with the same Id; they stay apart here, and `getMetricData` gives each its own series id.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { cloudWatchClient } from '../aws-clients.ts';
import type { Connection } from '../connection-store.ts';
import type { MetricDataRequest } from './get-metric-data.ts';

/** One MetricDataResult: timestamps in epoch ms, ascending, index-aligned with values. */
export interface MetricDataResultSeries {
  /** The query's Id; several results share it when the query returns an array. */
  id: string;
  label: string;
  timestamps: number[];
  values: number[];
  statusCode?: string;
  /** The result's own messages (e.g. why an expression could not be evaluated), as `Code: Value`. */
  messages: string[];
}

/**
 * GetMetricData through the SDK, oldest first, one entry per MetricDataResult in the order returned.
 * Pages are joined by position: the n-th result with an Id on a page continues the n-th one before
 * ("NextToken is not returned if you are performing a math expression", so arrays are never split).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getMetricDataResults(
  connection: Connection,
  req: MetricDataRequest,
): Promise<MetricDataResultSeries[]> {
  const client = cloudWatchClient(connection);
  const results: MetricDataResultSeries[] = [];
  const byId = new Map<string, MetricDataResultSeries[]>();
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
    const seenOnPage = new Map<string, number>();
    for (const r of out.MetricDataResults ?? []) {
      const id = r.Id ?? '';
      const nth = seenOnPage.get(id) ?? 0;
      seenOnPage.set(id, nth + 1);
      const sameId = byId.get(id) ?? [];
      byId.set(id, sameId);
      let s = sameId[nth];
      if (!s) {
        s = { id, label: r.Label ?? id, timestamps: [], values: [], statusCode: r.StatusCode, messages: [] };
        sameId.push(s);
        results.push(s);
      } else if (r.StatusCode) {
        s.statusCode = r.StatusCode;
      }
      for (const m of r.Messages ?? []) s.messages.push([m.Code, m.Value].filter(Boolean).join(': '));
      const ts = r.Timestamps ?? [];
      const vs = r.Values ?? [];
      for (let i = 0; i < ts.length; i++) {
        s.timestamps.push(ts[i].getTime());
        s.values.push(vs[i]);
      }
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return results;
}

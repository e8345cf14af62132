import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import type { ResultSeries } from '../model/alarm-chart-data.ts';
import { ALARMS_REFETCH_MS } from './describe-alarms.ts';

/** The queries of one alarm chart and its range. */
export interface AlarmDataRequest {
  queries: MetricDataQuery[];
  startMs: number;
  endMs: number;
}

/**
 * GetMetricData for an alarm chart, oldest first, every page. Unlike the app's shared fetcher it
 * keeps results that share an Id apart: ANOMALY_DETECTION_BAND returns its upper and lower bounds as
 * two results under the band's Id. Results are matched across pages by Id and their order within it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getAlarmMetricData(
  connection: Connection,
  req: AlarmDataRequest,
): Promise<ResultSeries[]> {
  const client = cloudWatchClient(connection);
  const byKey = new Map<string, ResultSeries>();
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
    const seen = new Map<string, number>();
    for (const r of out.MetricDataResults ?? []) {
      const id = r.Id ?? '';
      const nth = seen.get(id) ?? 0;
      seen.set(id, nth + 1);
      const key = `${id}\u0000${nth}`;
      let s = byKey.get(key);
      if (!s) {
        s = { id, label: r.Label ?? id, timestamps: [], values: [] };
        byKey.set(key, s);
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
  return [...byKey.values()];
}

export const alarmMetricDataQueryOptions = (connection: Connection, req: AlarmDataRequest) =>
  queryOptions({
    queryKey: ['cloudwatch', 'GetMetricData', connection.endpoint, 'alarm', req],
    queryFn: () => getAlarmMetricData(connection, req),
    placeholderData: keepPreviousData,
    refetchInterval: ALARMS_REFETCH_MS,
  });

/** The series of an alarm chart; keeps the previous ones on screen while a new request loads. */
export function useAlarmMetricData(req: AlarmDataRequest | undefined) {
  const connection = useConnectionStore();
  return useQuery({
    ...alarmMetricDataQueryOptions(connection, req ?? { queries: [], startMs: 0, endMs: 0 }),
    enabled: req !== undefined && req.queries.length > 0,
  });
}

import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getMetricDataResults } from '../../../lib/cloudwatch/get-metric-data-results.ts';
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
 * GetMetricData for an alarm chart, keeping results that share an Id apart: ANOMALY_DETECTION_BAND
 * returns its upper and lower bounds as two results under the band's Id.
 */
export const getAlarmMetricData = (connection: Connection, req: AlarmDataRequest): Promise<ResultSeries[]> =>
  getMetricDataResults(connection, req);

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

import { GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { cloudWatchClient } from '../aws-clients.ts';
import { type Connection, useConnectionStore } from '../connection-store.ts';
import { knownUnit } from './known-units.ts';
import { type MetricIdentity, metricKey } from './metric-identity.ts';

const HOUR_MS = 3_600_000;
const DAY_SECONDS = 86_400;
/** How far back from the range end a unit is looked for. */
const LOOKBACK_MS = 14 * 24 * HOUR_MS;

/**
 * The unit of a metric's datapoints: GetMetricStatistics (SampleCount, one datapoint a day over the
 * two weeks before `endMs`), reading `Datapoints[0].Unit`. A day is a multiple of every period the
 * age rules require (60, 300, 3600 s) and two weeks of days stays far under the 1,440-datapoint
 * limit. Undefined when the metric has no datapoint in that window.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 */
export async function getMetricUnit(
  connection: Connection,
  metric: MetricIdentity,
  endMs: number,
): Promise<string | undefined> {
  const out = await cloudWatchClient(connection).send(
    new GetMetricStatisticsCommand({
      Namespace: metric.namespace,
      MetricName: metric.metricName,
      Dimensions: metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      StartTime: new Date(endMs - LOOKBACK_MS),
      EndTime: new Date(endMs),
      Period: DAY_SECONDS,
      Statistics: ['SampleCount'],
    }),
  );
  return out.Datapoints?.[0]?.Unit;
}

/** The key prefix of every unit lookup on a connection, for invalidating them after a publish. */
export const metricUnitQueryPrefix = (connection: Connection) =>
  ['cloudwatch', 'GetMetricStatistics', connection.endpoint, 'unit'] as const;

/** The query of one metric's unit. `endMs` is rounded up to the hour, so a ticking range reuses it. */
export const metricUnitQueryOptions = (connection: Connection, metric: MetricIdentity, endMs: number) => {
  const endHourMs = Math.ceil(endMs / HOUR_MS) * HOUR_MS;
  return queryOptions({
    queryKey: [...metricUnitQueryPrefix(connection), metricKey(metric), endHourMs],
    queryFn: async () => (await getMetricUnit(connection, metric, endHourMs)) ?? null,
    staleTime: 5 * 60_000,
  });
};

/**
 * The unit of each metric, index-aligned with `metrics`: from the AWS table (`known-units.ts`) when
 * it knows the metric, else from GetMetricStatistics; undefined while loading, on error, or without datapoints.
 */
export function useMetricUnits(metrics: readonly MetricIdentity[], endMs: number): (string | undefined)[] {
  const connection = useConnectionStore();
  const known = metrics.map((m) => knownUnit(m.namespace, m.metricName));
  const lookups = metrics.filter((_, i) => known[i] === undefined);
  const found = useQueries({
    queries: lookups.map((m) => metricUnitQueryOptions(connection, m, endMs)),
    combine: (results) => results.map((r) => r.data ?? undefined),
  });
  let next = 0;
  return known.map((unit) => unit ?? found[next++]);
}

import {
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type MetricAlarm,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { type AlarmTile, alarmNameOfArn } from '../model/alarm-status.ts';
import type { AlarmStateValue } from '../model/dashboard-body.ts';

/** How often alarm status widgets re-read the states. */
export const ALARM_STATUS_INTERVAL_MS = 10_000;

const tile = (a: MetricAlarm | CompositeAlarm, type: AlarmTile['type']): AlarmTile => ({
  name: a.AlarmName ?? '',
  arn: a.AlarmArn,
  type,
  state: a.StateValue as AlarmStateValue | undefined,
  updatedMs: a.StateUpdatedTimestamp?.getTime() ?? 0,
});

/**
 * The alarms of a status widget with DescribeAlarms (metric and composite), following NextToken:
 * the named ones (100 names a call), or every alarm when `names` is empty.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export async function describeAlarmTiles(
  connection: Connection,
  names: readonly string[],
): Promise<AlarmTile[]> {
  const client = cloudWatchClient(connection);
  const batches: (readonly string[] | undefined)[] = names.length === 0 ? [undefined] : [];
  for (let i = 0; i < names.length; i += 100) batches.push(names.slice(i, i + 100));
  const tiles: AlarmTile[] = [];
  for (const batch of batches) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeAlarmsCommand({
          AlarmNames: batch ? [...batch] : undefined,
          AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
          NextToken: nextToken,
        }),
      );
      tiles.push(...(page.MetricAlarms ?? []).map((a) => tile(a, 'MetricAlarm')));
      tiles.push(...(page.CompositeAlarms ?? []).map((a) => tile(a, 'CompositeAlarm')));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return tiles;
}

export const alarmTilesQueryOptions = (connection: Connection, arns: readonly string[]) => {
  const names = [...new Set(arns.map(alarmNameOfArn))].sort();
  return queryOptions({
    queryKey: ['cloudwatch', 'DescribeAlarms', connection.endpoint, connection.region, 'dashboards', names],
    queryFn: () => describeAlarmTiles(connection, names),
    refetchInterval: ALARM_STATUS_INTERVAL_MS,
    staleTime: 2_000,
  });
};

/** The states of a status widget's alarms (all alarms for an empty list), re-read every few seconds. */
export function useAlarmTiles(arns: readonly string[]) {
  return useQuery(alarmTilesQueryOptions(useConnectionStore(), arns));
}

/** An alarm a graph's `annotations.alarms` names: what to graph and where its threshold is. */
export interface AnnotationAlarm {
  name: string;
  state?: AlarmStateValue;
  threshold?: number;
  comparison?: string;
  /** The alarm's single metric, as a graph row reads it. */
  metric?: {
    namespace: string;
    metricName: string;
    dimensions: { name: string; value: string }[];
    stat: string;
    period: number;
  };
  /** A metric math alarm's queries, graphed as they are (the one with ReturnData is the alarm's value). */
  queries?: MetricDataQuery[];
}

/** A MetricAlarm as a graph annotates with it. */
export function annotationAlarm(a: MetricAlarm): AnnotationAlarm {
  const stat = a.Statistic ?? a.ExtendedStatistic;
  return {
    name: a.AlarmName ?? '',
    ...(a.StateValue ? { state: a.StateValue as AlarmStateValue } : {}),
    ...(a.Threshold !== undefined ? { threshold: a.Threshold } : {}),
    ...(a.ComparisonOperator ? { comparison: a.ComparisonOperator } : {}),
    ...(a.MetricName && a.Namespace && stat
      ? {
          metric: {
            namespace: a.Namespace,
            metricName: a.MetricName,
            dimensions: (a.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
            stat,
            period: a.Period ?? 300,
          },
        }
      : {}),
    ...(a.Metrics && a.Metrics.length > 0 ? { queries: a.Metrics } : {}),
  };
}

/**
 * The metric alarms a graph's `annotations.alarms` names (by ARN), with DescribeAlarms by name.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export async function describeAnnotationAlarms(
  connection: Connection,
  names: readonly string[],
): Promise<AnnotationAlarm[]> {
  const client = cloudWatchClient(connection);
  const out: AnnotationAlarm[] = [];
  for (let i = 0; i < names.length; i += 100) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeAlarmsCommand({
          AlarmNames: names.slice(i, i + 100),
          AlarmTypes: ['MetricAlarm'],
          NextToken: nextToken,
        }),
      );
      out.push(...(page.MetricAlarms ?? []).map(annotationAlarm));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  // In the order the widget lists them.
  return names.flatMap((n) => out.filter((a) => a.name === n));
}

export const annotationAlarmsQueryOptions = (connection: Connection, arns: readonly string[]) => {
  const names = [...new Set(arns.map(alarmNameOfArn))];
  return queryOptions({
    queryKey: ['cloudwatch', 'DescribeAlarms', connection.endpoint, connection.region, 'annotations', names],
    queryFn: () => describeAnnotationAlarms(connection, names),
    staleTime: 15_000,
    refetchInterval: 30_000,
  });
};

/** The alarms of a graph's `annotations.alarms`; nothing is asked while `arns` is empty or `enabled` false. */
export function useAnnotationAlarms(arns: readonly string[], enabled = true) {
  return useQuery({
    ...annotationAlarmsQueryOptions(useConnectionStore(), arns),
    enabled: enabled && arns.length > 0,
  });
}

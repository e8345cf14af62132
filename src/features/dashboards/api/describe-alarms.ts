import { type CompositeAlarm, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
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

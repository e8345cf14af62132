import { type AlarmHistoryItem, DescribeAlarmHistoryCommand } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';

/** How many history items the detail page shows: the newest ones. */
const HISTORY_ITEMS = 100;

/**
 * DescribeAlarmHistory of one composite alarm, newest first. AlarmTypes must name CompositeAlarm:
 * without it only metric alarms' history is returned (spec a.9).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html
 */
export async function describeCompositeAlarmHistory(
  connection: Connection,
  name: string,
): Promise<AlarmHistoryItem[]> {
  const out = await cloudWatchClient(connection).send(
    new DescribeAlarmHistoryCommand({
      AlarmName: name,
      AlarmTypes: ['CompositeAlarm'],
      ScanBy: 'TimestampDescending',
      MaxRecords: HISTORY_ITEMS,
    }),
  );
  return out.AlarmHistoryItems ?? [];
}

/** `['cloudwatch', 'DescribeAlarmHistory', …]`: made stale by any change to an alarm. */
export const describeAlarmHistoryPrefix = ['cloudwatch', 'DescribeAlarmHistory'] as const;

export const compositeAlarmHistoryQueryOptions = (connection: Connection, name: string) =>
  queryOptions({
    queryKey: [
      ...describeAlarmHistoryPrefix,
      connection.endpoint,
      connection.region,
      'composite-alarms',
      name,
    ],
    queryFn: () => describeCompositeAlarmHistory(connection, name),
    refetchInterval: 10_000,
  });

export function useCompositeAlarmHistory(name: string) {
  return useQuery(compositeAlarmHistoryQueryOptions(useConnectionStore(), name));
}

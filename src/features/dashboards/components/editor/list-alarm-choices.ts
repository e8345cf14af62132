import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../../lib/connection-store.ts';

/** An alarm the alarm status widget can show. */
export interface AlarmChoice {
  name: string;
  arn: string;
  state?: string;
  composite: boolean;
}

/**
 * Every alarm, metric and composite, with DescribeAlarms (following NextToken), for the alarm
 * status widget's picker.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export async function listAlarmChoices(connection: Connection): Promise<AlarmChoice[]> {
  const client = cloudWatchClient(connection);
  const out: AlarmChoice[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeAlarmsCommand({ AlarmTypes: ['CompositeAlarm', 'MetricAlarm'], NextToken: nextToken }),
    );
    for (const a of page.MetricAlarms ?? [])
      out.push({ name: a.AlarmName ?? '', arn: a.AlarmArn ?? '', state: a.StateValue, composite: false });
    for (const a of page.CompositeAlarms ?? [])
      out.push({ name: a.AlarmName ?? '', arn: a.AlarmArn ?? '', state: a.StateValue, composite: true });
    nextToken = page.NextToken;
  } while (nextToken);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

export const alarmChoicesQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: ['cloudwatch', 'DescribeAlarms', connection.endpoint, connection.region, 'dashboard-editor'],
    queryFn: () => listAlarmChoices(connection),
    staleTime: 10_000,
  });

/** Every alarm, for the picker. */
export function useAlarmChoices() {
  return useQuery(alarmChoicesQueryOptions(useConnectionStore()));
}

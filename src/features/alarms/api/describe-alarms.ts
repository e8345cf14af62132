import {
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';

/** Alarms change state as the engine clock runs: lists and details re-read this often. */
export const ALARMS_REFETCH_MS = 5_000;

/** Which alarms to describe: all, those whose name starts with a prefix, or some by name. */
export interface AlarmsRequest {
  prefix?: string;
  names?: string[];
}

/** Metric and composite alarms, as DescribeAlarms returns them. */
export interface DescribedAlarms {
  metricAlarms: MetricAlarm[];
  compositeAlarms: CompositeAlarm[];
}

/**
 * DescribeAlarms for metric and composite alarms (AlarmTypes omitted would mean metric alarms only),
 * following NextToken until every page is in.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export async function describeAlarms(connection: Connection, req: AlarmsRequest): Promise<DescribedAlarms> {
  const client = cloudWatchClient(connection);
  const out: DescribedAlarms = { metricAlarms: [], compositeAlarms: [] };
  let nextToken: string | undefined;
  do {
    const input: DescribeAlarmsCommandInput = {
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      MaxRecords: 100,
      NextToken: nextToken,
      ...(req.names ? { AlarmNames: req.names } : {}),
      ...(req.prefix ? { AlarmNamePrefix: req.prefix } : {}),
    };
    const page = await client.send(new DescribeAlarmsCommand(input));
    out.metricAlarms.push(...(page.MetricAlarms ?? []));
    out.compositeAlarms.push(...(page.CompositeAlarms ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return out;
}

/** `['cloudwatch', 'DescribeAlarms', endpoint, region]`: every alarm query, to invalidate after a change. */
export const describeAlarmsQueryPrefix = (connection: Connection) =>
  ['cloudwatch', 'DescribeAlarms', connection.endpoint, connection.region] as const;

export const describeAlarmsQueryOptions = (connection: Connection, req: AlarmsRequest) =>
  queryOptions({
    queryKey: [...describeAlarmsQueryPrefix(connection), req],
    queryFn: () => describeAlarms(connection, req),
    refetchInterval: ALARMS_REFETCH_MS,
  });

/** The alarms (all, or those named with a prefix), re-read every few seconds. */
export function useDescribeAlarms(req: AlarmsRequest) {
  const connection = useConnectionStore();
  return useQuery(describeAlarmsQueryOptions(connection, req));
}

/** One alarm by name: its metric alarm or its composite alarm, undefined when there is none. */
export function useAlarm(name: string) {
  const connection = useConnectionStore();
  return useQuery({
    ...describeAlarmsQueryOptions(connection, { names: [name] }),
    select: (d) => ({
      metricAlarm: d.metricAlarms.find((a) => a.AlarmName === name),
      compositeAlarm: d.compositeAlarms.find((a) => a.AlarmName === name),
    }),
  });
}

import {
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import type { AlarmStateValue, ChildState } from '../model/rule-tree.ts';

/** Both kinds of alarm: DescribeAlarms returns composites only when asked for them (spec §b). */
const BOTH_TYPES: DescribeAlarmsCommandInput['AlarmTypes'] = ['CompositeAlarm', 'MetricAlarm'];

export interface DescribedAlarms {
  metric: MetricAlarm[];
  composite: CompositeAlarm[];
}

/**
 * DescribeAlarms through the SDK, following NextToken until every page is in.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export async function describeAlarms(
  connection: Connection,
  input: DescribeAlarmsCommandInput,
): Promise<DescribedAlarms> {
  const client = cloudWatchClient(connection);
  const out: DescribedAlarms = { metric: [], composite: [] };
  let nextToken: string | undefined;
  do {
    const page = await client.send(new DescribeAlarmsCommand({ ...input, NextToken: nextToken }));
    out.metric.push(...(page.MetricAlarms ?? []));
    out.composite.push(...(page.CompositeAlarms ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return out;
}

/** `['cloudwatch', 'DescribeAlarms', …]`: what a change to an alarm makes stale, in every feature. */
export const describeAlarmsPrefix = ['cloudwatch', 'DescribeAlarms'] as const;

const key = (connection: Connection, ...rest: unknown[]) =>
  [...describeAlarmsPrefix, connection.endpoint, connection.region, 'composite-alarms', ...rest] as const;

/** An alarm as the picker and the state lists need it. */
export interface AlarmSummary {
  name: string;
  arn?: string;
  type: 'MetricAlarm' | 'CompositeAlarm';
  state: AlarmStateValue;
}

const summary = (a: MetricAlarm | CompositeAlarm, type: AlarmSummary['type']): AlarmSummary => ({
  name: a.AlarmName ?? '',
  arn: a.AlarmArn,
  type,
  state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmStateValue,
});

const summaries = (d: DescribedAlarms): AlarmSummary[] =>
  [
    ...d.metric.map((a) => summary(a, 'MetricAlarm')),
    ...d.composite.map((a) => summary(a, 'CompositeAlarm')),
  ].sort((a, b) => a.name.localeCompare(b.name));

/** Every alarm, metric and composite, by name. */
export const allAlarmsQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: key(connection, 'all'),
    queryFn: async () => summaries(await describeAlarms(connection, { AlarmTypes: BOTH_TYPES })),
    staleTime: 10_000,
  });

export function useAllAlarms() {
  return useQuery(allAlarmsQueryOptions(useConnectionStore()));
}

/** How often live child states are re-read. */
export const LIVE_STATE_INTERVAL_MS = 5_000;

/**
 * The live states of the named alarms; a name the backend does not return is `MISSING`.
 * AlarmNames takes at most 100 names a call (a rule has at most 100 children, spec §b).
 */
export const alarmStatesQueryOptions = (connection: Connection, names: readonly string[]) => {
  const sorted = [...new Set(names)].sort();
  return queryOptions({
    queryKey: key(connection, 'states', sorted),
    queryFn: async (): Promise<Map<string, ChildState>> => {
      const states = new Map<string, ChildState>(sorted.map((n) => [n, 'MISSING']));
      for (let i = 0; i < sorted.length; i += 100) {
        const found = await describeAlarms(connection, {
          AlarmNames: sorted.slice(i, i + 100),
          AlarmTypes: BOTH_TYPES,
        });
        for (const a of summaries(found)) states.set(a.name, a.state);
      }
      return states;
    },
    enabled: sorted.length > 0,
    refetchInterval: LIVE_STATE_INTERVAL_MS,
    staleTime: 1_000,
  });
};

/** Live states of a rule's children, refetched every few seconds. */
export function useAlarmStates(names: readonly string[]) {
  return useQuery(alarmStatesQueryOptions(useConnectionStore(), names));
}

/** One composite alarm by name; `undefined` when there is none. */
export const compositeAlarmQueryOptions = (connection: Connection, name: string) =>
  queryOptions({
    queryKey: key(connection, 'composite', name),
    queryFn: async (): Promise<CompositeAlarm | null> => {
      const found = await describeAlarms(connection, { AlarmNames: [name], AlarmTypes: ['CompositeAlarm'] });
      // TanStack Query does not cache `undefined`: "no such alarm" is null here.
      return found.composite.find((a) => a.AlarmName === name) ?? null;
    },
    refetchInterval: LIVE_STATE_INTERVAL_MS,
    staleTime: 1_000,
  });

export function useCompositeAlarm(name: string) {
  return useQuery(compositeAlarmQueryOptions(useConnectionStore(), name));
}

/** The composite alarms whose rules name `name` (ParentsOfAlarmName: names and ARNs only). */
export const parentAlarmsQueryOptions = (connection: Connection, name: string) =>
  queryOptions({
    queryKey: key(connection, 'parents', name),
    queryFn: async () => {
      // Composites are only returned when AlarmTypes names them, with these filters too.
      const found = await describeAlarms(connection, {
        ParentsOfAlarmName: name,
        AlarmTypes: ['CompositeAlarm'],
      });
      return found.composite.map((a) => ({ name: a.AlarmName ?? '', arn: a.AlarmArn }));
    },
  });

export function useParentAlarms(name: string) {
  return useQuery(parentAlarmsQueryOptions(useConnectionStore(), name));
}

/** A composite alarm's children with their states (ChildrenOfAlarmName), where the rule cannot be parsed here. */
export const childAlarmsQueryOptions = (connection: Connection, name: string) =>
  queryOptions({
    queryKey: key(connection, 'children', name),
    queryFn: async () =>
      summaries(await describeAlarms(connection, { ChildrenOfAlarmName: name, AlarmTypes: BOTH_TYPES })),
    refetchInterval: LIVE_STATE_INTERVAL_MS,
    staleTime: 1_000,
  });

export function useChildAlarms(name: string, enabled: boolean) {
  return useQuery({ ...childAlarmsQueryOptions(useConnectionStore(), name), enabled });
}

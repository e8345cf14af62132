import {
  type AlarmHistoryItem,
  DescribeAlarmHistoryCommand,
  type HistoryItemType,
} from '@aws-sdk/client-cloudwatch';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { type StateChange, parseCreation, parseStateChange } from '../model/alarm-ranges.ts';
import { ALARMS_REFETCH_MS } from './describe-alarms.ts';

/** History items per page of the history table. */
export const HISTORY_PAGE_SIZE = 25;

/** One page of an alarm's history. */
export interface HistoryPage {
  items: AlarmHistoryItem[];
  nextToken?: string;
}

/** A request for one page of history, newest first. */
export interface HistoryRequest {
  alarmName: string;
  /** Only items of this type; all types when undefined. */
  type?: HistoryItemType;
  /** Items at or before this instant, epoch ms. */
  endMs?: number;
  maxRecords?: number;
  nextToken?: string;
}

/**
 * One page of DescribeAlarmHistory, newest first (ScanBy TimestampDescending), for metric and
 * composite alarms.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html
 */
export async function describeAlarmHistory(
  connection: Connection,
  req: HistoryRequest,
): Promise<HistoryPage> {
  const out = await cloudWatchClient(connection).send(
    new DescribeAlarmHistoryCommand({
      AlarmName: req.alarmName,
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      ScanBy: 'TimestampDescending',
      MaxRecords: req.maxRecords ?? HISTORY_PAGE_SIZE,
      ...(req.type ? { HistoryItemType: req.type } : {}),
      ...(req.endMs !== undefined ? { EndDate: new Date(req.endMs) } : {}),
      ...(req.nextToken ? { NextToken: req.nextToken } : {}),
    }),
  );
  return { items: out.AlarmHistoryItems ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
}

/** `['cloudwatch', 'DescribeAlarmHistory', endpoint, region]`, to invalidate after a change. */
export const alarmHistoryQueryPrefix = (connection: Connection) =>
  ['cloudwatch', 'DescribeAlarmHistory', connection.endpoint, connection.region] as const;

export const alarmHistoryQueryOptions = (
  connection: Connection,
  alarmName: string,
  type: HistoryItemType | undefined,
) =>
  infiniteQueryOptions({
    queryKey: [...alarmHistoryQueryPrefix(connection), 'pages', alarmName, type ?? 'all'],
    queryFn: ({ pageParam }) => describeAlarmHistory(connection, { alarmName, type, nextToken: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    refetchInterval: ALARMS_REFETCH_MS,
  });

/** The history table's items, newest first, a page at a time ("Load more" follows NextToken). */
export function useAlarmHistory(alarmName: string, type: HistoryItemType | undefined) {
  const connection = useConnectionStore();
  return useInfiniteQuery(alarmHistoryQueryOptions(connection, alarmName, type));
}

/** Pages are read until one reaches back this far; a bound in case a server ignores EndDate. */
const MAX_STATE_PAGES = 50;

/** What explains an alarm's states over a range. */
export interface StateHistory {
  /** State changes, newest first. */
  changes: StateChange[];
  /** When the alarm was created, if that is within the history read. */
  createdMs?: number;
}

/**
 * The alarm's state changes that explain [startMs, endMs]: every StateUpdate in the range and the
 * last one before it (which gives the state at `startMs`), and the alarm's creation if it is that
 * recent. Items of all types are read, newest first from `endMs` back, because the creation is a
 * ConfigurationUpdate.
 */
export async function describeStateHistory(
  connection: Connection,
  alarmName: string,
  startMs: number,
  endMs: number,
): Promise<StateHistory> {
  const out: StateHistory = { changes: [] };
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_STATE_PAGES; page++) {
    const res = await describeAlarmHistory(connection, { alarmName, endMs, maxRecords: 100, nextToken });
    for (const item of res.items) {
      const change = parseStateChange(item);
      if (change) out.changes.push(change);
      const created = parseCreation(item);
      if (created !== undefined && out.createdMs === undefined) out.createdMs = created;
    }
    nextToken = res.nextToken;
    // Older items explain nothing more: the state at startMs is known, or the alarm began after it
    // (what precedes its creation belongs to an earlier alarm of that name).
    if (!nextToken || out.createdMs !== undefined || out.changes.some((c) => c.atMs <= startMs)) break;
  }
  return out;
}

export const stateChangesQueryOptions = (
  connection: Connection,
  alarmName: string,
  startMs: number,
  endMs: number,
) =>
  queryOptions({
    queryKey: [...alarmHistoryQueryPrefix(connection), 'states', alarmName, startMs, endMs],
    queryFn: () => describeStateHistory(connection, alarmName, startMs, endMs),
    placeholderData: keepPreviousData,
    refetchInterval: ALARMS_REFETCH_MS,
  });

/** The state history of an alarm over a range (see {@link describeStateHistory}). */
export function useStateHistory(alarmName: string, startMs: number, endMs: number) {
  const connection = useConnectionStore();
  return useQuery(stateChangesQueryOptions(connection, alarmName, startMs, endMs));
}

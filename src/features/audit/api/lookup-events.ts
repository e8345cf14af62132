import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { cloudTrailClient } from '../../../lib/cloudtrail/cloudtrail-client.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import type { LookupKey } from '../model/audit-view.ts';
import { type LookedUpEvent, fromLookupEvent } from '../model/lookup-event.ts';

/** LookupEvents returns at most 50 events per call. */
export const LOOKUP_PAGE = 50;

/** One LookupEvents request: one attribute (or none) and a time range, epoch ms. */
export interface LookupRequest {
  key: LookupKey;
  value: string;
  startMs: number;
  endMs: number;
}

export interface LookupPage {
  events: LookedUpEvent[];
  nextToken?: string;
}

/**
 * LookupEvents, one page. https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
export async function lookupEvents(
  connection: Connection,
  req: LookupRequest,
  nextToken: string | undefined,
  signal?: AbortSignal,
): Promise<LookupPage> {
  const out = await cloudTrailClient(connection).send(
    new LookupEventsCommand({
      ...(req.value !== ''
        ? { LookupAttributes: [{ AttributeKey: req.key, AttributeValue: req.value }] }
        : {}),
      StartTime: new Date(req.startMs),
      EndTime: new Date(req.endMs),
      MaxResults: LOOKUP_PAGE,
      NextToken: nextToken,
    }),
    { abortSignal: signal },
  );
  return { events: (out.Events ?? []).map(fromLookupEvent), nextToken: out.NextToken };
}

export const lookupEventsQueryOptions = (connection: Connection, req: LookupRequest) =>
  infiniteQueryOptions({
    queryKey: ['cloudtrail', 'LookupEvents', connection.endpoint, connection.region, req],
    queryFn: ({ pageParam, signal }) => lookupEvents(connection, req, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    staleTime: 30_000,
  });

/** LookupEvents with NextToken paging ("Load more"). */
export function useLookupEvents(req: LookupRequest, enabled: boolean) {
  const connection = useConnectionStore();
  return useInfiniteQuery({ ...lookupEventsQueryOptions(connection, req), enabled });
}

/** One event by id through LookupEvents (EventId), for backends without control endpoints. */
export function useLookupEvent(eventId: string | undefined, enabled: boolean, endMs: number) {
  const connection = useConnectionStore();
  return useQuery({
    queryKey: ['cloudtrail', 'LookupEvents', connection.endpoint, connection.region, 'EventId', eventId],
    queryFn: async () => {
      const page = await lookupEvents(
        connection,
        { key: 'EventId', value: eventId ?? '', startMs: endMs - 90 * 86_400_000, endMs },
        undefined,
      );
      return page.events[0] ?? null;
    },
    enabled: enabled && !!eventId,
    staleTime: Infinity,
  });
}

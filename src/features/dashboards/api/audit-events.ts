import { type LookupAttributeKey, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditMarker } from '../../../lib/audit-events/audit-marker.ts';
import { markerFromLookupEvent } from '../../../lib/audit-events/lookup-markers.ts';
import { cloudTrailClient } from '../../../lib/cloudtrail/cloudtrail-client.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import type { AuditEventsParams } from '../model/dashboard-body.ts';

/** LookupEvents returns at most 50 events a call. */
const PAGE_SIZE = 50;
/** Pages read at most for one widget (LookupEvents allows 2 calls a second). */
const MAX_PAGES = 3;

/** The widget's params with their defaults: writes only, 10 rows (1–50). */
export function auditEventsSettings(
  params: unknown,
): Required<Pick<AuditEventsParams, 'writesOnly' | 'limit'>> & Pick<AuditEventsParams, 'lookup'> {
  const p = (params && typeof params === 'object' ? params : {}) as AuditEventsParams;
  const limit =
    typeof p.limit === 'number' && Number.isFinite(p.limit)
      ? Math.min(50, Math.max(1, Math.round(p.limit)))
      : 10;
  const lookup =
    p.lookup &&
    typeof p.lookup.key === 'string' &&
    typeof p.lookup.value === 'string' &&
    p.lookup.value !== ''
      ? { key: p.lookup.key, value: p.lookup.value }
      : undefined;
  return { writesOnly: p.writesOnly !== false, limit, ...(lookup ? { lookup } : {}) };
}

/** What one audit-events widget asks for. */
export interface AuditEventsRequest {
  startMs: number;
  endMs: number;
  params: unknown;
}

/**
 * The newest events of [startMs, endMs] for the widget, newest first: LookupEvents with the widget's
 * one lookup attribute (CloudTrail takes one), or ReadOnly=false for writes only; with both, reads
 * are dropped here, reading up to {@link MAX_PAGES} pages to fill `limit` rows.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
export async function lookupAuditEvents(
  connection: Connection,
  req: AuditEventsRequest,
  signal?: AbortSignal,
): Promise<{ events: AuditMarker[]; more: boolean }> {
  const { lookup, writesOnly, limit } = auditEventsSettings(req.params);
  const attribute = lookup
    ? { AttributeKey: lookup.key as LookupAttributeKey, AttributeValue: lookup.value }
    : writesOnly
      ? { AttributeKey: 'ReadOnly' as LookupAttributeKey, AttributeValue: 'false' }
      : undefined;
  const events: AuditMarker[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES && events.length < limit; page++) {
    const out = await cloudTrailClient(connection).send(
      new LookupEventsCommand({
        ...(attribute ? { LookupAttributes: [attribute] } : {}),
        StartTime: new Date(req.startMs),
        EndTime: new Date(req.endMs),
        MaxResults: lookup && writesOnly ? PAGE_SIZE : Math.min(PAGE_SIZE, limit),
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    );
    for (const e of out.Events ?? []) {
      const m = markerFromLookupEvent(e);
      if (lookup && writesOnly && m.readOnly) continue;
      events.push(m);
    }
    nextToken = out.NextToken;
    if (!nextToken) break;
  }
  return { events: events.slice(0, limit), more: events.length > limit || nextToken !== undefined };
}

export const auditEventsQueryOptions = (connection: Connection, req: AuditEventsRequest) =>
  queryOptions({
    queryKey: ['cloudtrail', 'LookupEvents', connection.endpoint, connection.region, 'dashboard-widget', req],
    queryFn: ({ signal }) => lookupAuditEvents(connection, req, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** The events of an audit-events widget over its range; `enabled` false asks nothing yet. */
export function useAuditEventsWidget(req: AuditEventsRequest, enabled = true) {
  return useQuery({ ...auditEventsQueryOptions(useConnectionStore(), req), enabled });
}

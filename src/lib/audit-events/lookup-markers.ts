// Audit markers from CloudTrail LookupEvents, for a backend without Watchtrail's control endpoints
// (a real account). Imported on demand, so the landing page's bundle does not carry the SDK client.
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { cloudTrailClient } from '../cloudtrail/cloudtrail-client.ts';
import type { Connection } from '../connection-store.ts';
import { type AuditMarker, type AuditMarkerPage, countValues, markerSummary } from './audit-marker.ts';
import { mergeMarkers } from './trail-markers.ts';

/** LookupEvents returns at most 50 events per call. */
const PAGE_SIZE = 50;
/**
 * Pages read for a graph at most: LookupEvents allows 2 calls a second per account and Region, so
 * markers stop at 250 events (the newest) and say they were cut.
 */
export const LOOKUP_MAX_PAGES = 5;
/** Request-parameter values kept per event for matching, and their longest length. */
const MAX_PARAMS = 40;
const MAX_PARAM_LENGTH = 256;
/** Resource names looked up one by one for a "what changed" list (one LookupEvents call each). */
const MAX_RESOURCE_LOOKUPS = 5;

/** LookupEvents' `Event`, as far as it is read here. */
export interface LookupEventShape {
  EventId?: string;
  EventName?: string;
  ReadOnly?: string;
  EventTime?: Date;
  EventSource?: string;
  Username?: string;
  Resources?: { ResourceType?: string; ResourceName?: string }[];
  CloudTrailEvent?: string;
}

interface RecordShape {
  eventTime?: unknown;
  eventSource?: unknown;
  eventName?: unknown;
  sourceIPAddress?: unknown;
  errorCode?: unknown;
  eventCategory?: unknown;
  readOnly?: unknown;
  requestParameters?: unknown;
  userIdentity?: { type?: unknown; userName?: unknown } | null;
}

function parseRecord(text: string | undefined): RecordShape {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as RecordShape) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The string values of request parameters, a few levels deep, bounded. */
export function parameterValues(params: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (out.size >= MAX_PARAMS || depth > 3) return;
    if (typeof v === 'string') {
      if (v !== '' && v.length <= MAX_PARAM_LENGTH) out.add(v);
    } else if (Array.isArray(v)) {
      for (const item of v.slice(0, MAX_PARAMS)) visit(item, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const item of Object.values(v as Record<string, unknown>)) visit(item, depth + 1);
    }
  };
  visit(params, 0);
  return [...out];
}

/** A LookupEvents event as a marker; what `Event` lacks comes from its CloudTrail record. */
export function markerFromLookupEvent(e: LookupEventShape): AuditMarker {
  const record = parseRecord(e.CloudTrailEvent);
  const resources = (e.Resources ?? []).map((r) =>
    r.ResourceType ? { type: r.ResourceType, name: r.ResourceName ?? '' } : { name: r.ResourceName ?? '' },
  );
  const userName = e.Username ?? str(record.userIdentity?.userName);
  const eventName = e.EventName ?? str(record.eventName);
  const sourceIp = str(record.sourceIPAddress);
  const errorCode = str(record.errorCode);
  const readOnly = (e.ReadOnly ?? String(record.readOnly ?? '')) === 'true';
  const params = parameterValues(record.requestParameters);
  const timeMs = e.EventTime?.getTime() ?? Date.parse(str(record.eventTime));
  return {
    eventId: e.EventId ?? '',
    timeMs: Number.isFinite(timeMs) ? timeMs : 0,
    eventName,
    eventSource: e.EventSource ?? str(record.eventSource),
    userName,
    resources,
    readOnly,
    ...(errorCode ? { errorCode } : {}),
    ...(sourceIp ? { sourceIp } : {}),
    ...(params.length > 0 ? { params } : {}),
    summary: markerSummary({
      userName,
      identityType: str(record.userIdentity?.type),
      eventName,
      resources,
      sourceIp,
      errorCode,
    }),
  };
}

type Attribute = { AttributeKey: 'ReadOnly' | 'ResourceName'; AttributeValue: string };

/** LookupEvents pages over [startMs, endMs], newest first, until `maxPages` or the last page. */
async function lookup(
  connection: Connection,
  startMs: number,
  endMs: number,
  attribute: Attribute | undefined,
  maxPages: number,
  signal?: AbortSignal,
): Promise<{ markers: AuditMarker[]; truncated: boolean }> {
  const markers: AuditMarker[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await cloudTrailClient(connection).send(
      new LookupEventsCommand({
        ...(attribute ? { LookupAttributes: [attribute] } : {}),
        StartTime: new Date(startMs),
        EndTime: new Date(endMs),
        MaxResults: PAGE_SIZE,
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    );
    markers.push(...(out.Events ?? []).map(markerFromLookupEvent));
    nextToken = out.NextToken;
    if (!nextToken) break;
  }
  return { markers, truncated: nextToken !== undefined };
}

const WRITES: Attribute = { AttributeKey: 'ReadOnly', AttributeValue: 'false' };

/**
 * A graph's markers from LookupEvents: writes only by ReadOnly=false (LookupEvents takes one
 * attribute, so services and identities are filtered by the caller), at most
 * {@link LOOKUP_MAX_PAGES} pages.
 */
export async function lookupMarkers(
  connection: Connection,
  startMs: number,
  endMs: number,
  writesOnly: boolean,
  signal?: AbortSignal,
): Promise<AuditMarkerPage> {
  const { markers, truncated } = await lookup(
    connection,
    startMs,
    endMs,
    writesOnly ? WRITES : undefined,
    LOOKUP_MAX_PAGES,
    signal,
  );
  return {
    markers,
    truncated,
    options: {
      services: countValues(markers, (m) => m.eventSource),
      identities: countValues(markers, (m) => m.userName),
    },
    source: 'cloudtrail',
  };
}

/**
 * A "what changed" window from LookupEvents: the writes (or all events), plus one page per resource
 * name (ResourceName matches exactly, as LookupEvents does), merged.
 */
export async function lookupChanges(
  connection: Connection,
  startMs: number,
  endMs: number,
  resourceNames: readonly string[],
  includeReads: boolean,
  signal?: AbortSignal,
): Promise<{ markers: AuditMarker[]; truncated: boolean }> {
  const names = [...new Set(resourceNames.filter(Boolean))].slice(0, MAX_RESOURCE_LOOKUPS);
  // One call after another: LookupEvents allows 2 calls a second.
  const results = [
    await lookup(connection, startMs, endMs, includeReads ? undefined : WRITES, LOOKUP_MAX_PAGES, signal),
  ];
  for (const name of names)
    results.push(
      await lookup(
        connection,
        startMs,
        endMs,
        { AttributeKey: 'ResourceName', AttributeValue: name },
        1,
        signal,
      ),
    );
  return {
    markers: mergeMarkers(results.map((r) => r.markers)),
    truncated: results.some((r) => r.truncated),
  };
}

import type { CloudTrailRecord, EventSummary } from './trail-types.ts';

/** An event from LookupEvents: the summary the table shows, and the record it carried. */
export interface LookedUpEvent {
  summary: EventSummary;
  record: CloudTrailRecord;
}

/** LookupEvents' `Event`, as the SDK gives it (only what is read here). */
export interface LookupEventShape {
  EventId?: string;
  EventName?: string;
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime?: Date;
  EventSource?: string;
  Username?: string;
  Resources?: { ResourceType?: string; ResourceName?: string }[];
  CloudTrailEvent?: string;
}

function parseRecord(text: string | undefined): CloudTrailRecord {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as CloudTrailRecord) : {};
  } catch {
    return {};
  }
}

/** The table's summary of a LookupEvents event; what `Event` lacks comes from its record. */
export function fromLookupEvent(e: LookupEventShape): LookedUpEvent {
  const record = parseRecord(e.CloudTrailEvent);
  const identity = record.userIdentity ?? undefined;
  const category = typeof record.eventCategory === 'string' ? record.eventCategory : 'Management';
  return {
    record,
    summary: {
      eventId: e.EventId ?? record.eventID ?? '',
      eventTime: e.EventTime?.getTime() ?? (record.eventTime ? Date.parse(record.eventTime) : 0),
      eventName: e.EventName ?? record.eventName ?? '',
      eventSource: e.EventSource ?? record.eventSource ?? '',
      username: e.Username ?? '',
      identityType: identity?.type ?? '',
      accessKeyId: e.AccessKeyId ?? identity?.accessKeyId ?? '',
      role: identity?.type === 'AssumedRole' ? (identity.sessionContext?.sessionIssuer?.userName ?? '') : '',
      resources: (e.Resources ?? []).map((r) => ({ type: r.ResourceType ?? '', name: r.ResourceName ?? '' })),
      sourceIp: record.sourceIPAddress ?? '',
      region: record.awsRegion ?? '',
      readOnly: e.ReadOnly ?? '',
      errorCode: record.errorCode ?? '',
      category,
      origin: 'api',
    },
  };
}

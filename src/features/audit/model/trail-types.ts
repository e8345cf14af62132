// The event history's shapes as the `/_watchtrail/trail/*` endpoints send them. They mirror the
// engine's model; features do not import the engine, so they are restated here as plain types.

/** The fields the event history filters and counts on. */
export const TRAIL_FIELDS = [
  'username',
  'identityType',
  'accessKeyId',
  'role',
  'eventSource',
  'eventName',
  'resourceType',
  'resourceName',
  'readOnly',
  'errorCode',
  'sourceIp',
  'region',
  'category',
  'origin',
] as const;
export type TrailField = (typeof TRAIL_FIELDS)[number];

/** One resource an event touched, as LookupEvents reports it. */
export interface TrailResource {
  type: string;
  name: string;
}

/** The indexed fields of one event (a missing value is ''). */
export interface EventSummary {
  eventId: string;
  /** Epoch milliseconds. */
  eventTime: number;
  eventName: string;
  eventSource: string;
  username: string;
  identityType: string;
  accessKeyId: string;
  role: string;
  resources: TrailResource[];
  sourceIp: string;
  region: string;
  /** 'true', 'false', or '' when the record does not say. */
  readOnly: string;
  errorCode: string;
  category: string;
  origin: string;
}

/**
 * How one filter term matches: `exact` is CloudTrail's matching (case-sensitive, '' = a missing
 * value); `prefix`, `contains` and `glob` ignore case, and glob `*` alone means any non-empty value.
 */
export interface TrailTerm {
  match: 'exact' | 'prefix' | 'contains' | 'glob';
  value: string;
}

export type TrailFilters = Partial<Record<TrailField, TrailTerm[]>>;

/** A selection: AND across fields, OR within one; times inclusive, epoch ms. */
export interface TrailQuery {
  startMs?: number;
  endMs?: number;
  fields?: TrailFilters;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** One field's value counts over the selection made by every other field's filter. */
export interface Facet {
  field: TrailField;
  values: FacetValue[];
  distinct: number;
}

/** `POST /_watchtrail/trail/search` answer. */
export interface TrailSearchResult {
  total: number;
  rows: EventSummary[];
  facets?: Facet[];
  now: number;
}

/** A CloudTrail record as delivered (only the members the UI reads are typed). */
export interface CloudTrailRecord {
  eventTime?: string;
  eventName?: string;
  eventSource?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestID?: string;
  eventID?: string;
  userIdentity?: {
    type?: string | null;
    arn?: string;
    userName?: string;
    accessKeyId?: string;
    invokedBy?: string;
    sessionContext?: { sessionIssuer?: { userName?: string; arn?: string } };
  } | null;
  [member: string]: unknown;
}

/** `GET /_watchtrail/trail/event?id=` answer. */
export interface TrailEvent {
  summary: EventSummary;
  record: CloudTrailRecord;
}

/** Labels of the fields, as the table and the filters name them. */
export const FIELD_LABELS: Record<TrailField, string> = {
  username: 'User name',
  identityType: 'Identity type',
  accessKeyId: 'AWS access key',
  role: 'Role',
  eventSource: 'Event source',
  eventName: 'Event name',
  resourceType: 'Resource type',
  resourceName: 'Resource name',
  readOnly: 'Read-only',
  errorCode: 'Error code',
  sourceIp: 'Source IP address',
  region: 'AWS Region',
  category: 'Event category',
  origin: 'Origin',
};

/**
 * The audit trail's data model: CloudTrail records as AWS delivers them, the fields the event history
 * indexes, and the query shapes. Plain data throughout, so it crosses to a Web Worker unchanged.
 * Record schema: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */

/** A CloudTrail record, as in a delivered log file (`{"Records":[…]}`); unknown members are kept as they are. */
export interface CloudTrailRecord {
  eventVersion?: string;
  userIdentity?: UserIdentity | null;
  eventTime?: string;
  eventSource?: string;
  eventName?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: unknown;
  responseElements?: unknown;
  additionalEventData?: unknown;
  requestID?: string;
  eventID?: string;
  eventType?: string;
  apiVersion?: string;
  readOnly?: boolean;
  resources?: { ARN?: string; accountId?: string; type?: string }[];
  recipientAccountId?: string;
  managementEvent?: boolean;
  eventCategory?: string;
  sessionCredentialFromConsole?: string;
  tlsDetails?: unknown;
  [member: string]: unknown;
}

export interface UserIdentity {
  type?: string | null;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: {
    sessionIssuer?: {
      type?: string;
      principalId?: string;
      arn?: string;
      accountId?: string;
      userName?: string;
    };
    attributes?: { creationDate?: string; mfaAuthenticated?: string };
    [member: string]: unknown;
  };
  [member: string]: unknown;
}

/**
 * The fields the event history filters and counts on. `resourceType` and `resourceName` hold several
 * values per event; the others one. A missing value is the empty string.
 */
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

export const MULTI_VALUED_FIELDS: ReadonlySet<TrailField> = new Set(['resourceType', 'resourceName']);

/** Where an event came from: the simulated account, an imported log file, or a call our API served. */
export type TrailOrigin = 'simulated' | 'imported' | 'api';

/** One resource an event touched, as LookupEvents reports it (`Resources[]`). */
export interface TrailResource {
  type: string;
  name: string;
}

/** The indexed fields of one event: what the table shows and the filters use (not the full record). */
export interface EventSummary {
  eventId: string;
  /** Epoch milliseconds. */
  eventTime: number;
  eventName: string;
  eventSource: string;
  /** LookupEvents' `Username`: the user name, the role session name, `root`, or the calling service. */
  username: string;
  identityType: string;
  accessKeyId: string;
  /** For assumed roles: the role's name (the session issuer). */
  role: string;
  resources: TrailResource[];
  sourceIp: string;
  region: string;
  /** 'true', 'false', or '' when the record does not say. */
  readOnly: string;
  errorCode: string;
  /** Management, Data, Insight or NetworkActivity. */
  category: string;
  origin: TrailOrigin;
}

/**
 * How one filter term matches a field's values. `exact` is CloudTrail's matching (case-sensitive
 * equality); `prefix`, `contains` and `glob` (with `*` wildcards) ignore case.
 */
export interface TrailTerm {
  match: 'exact' | 'prefix' | 'contains' | 'glob';
  value: string;
}

/** A selection of events: AND across fields, OR within one field; times inclusive, epoch ms. */
export interface TrailQuery {
  startMs?: number;
  endMs?: number;
  fields?: Partial<Record<TrailField, TrailTerm[]>>;
  /** Events matching any of these terms are left out (after `fields` selected). */
  exclude?: Partial<Record<TrailField, TrailTerm[]>>;
}

export interface TrailPage {
  /** Events in the whole selection. */
  total: number;
  /** Newest first, from `offset`. */
  rows: EventSummary[];
}

export interface FacetValue {
  value: string;
  count: number;
}

/** For one field: value counts over the selection made by every *other* field's filter. */
export interface Facet {
  field: TrailField;
  /** Most frequent first (ties by value), at most the requested number, plus every selected value. */
  values: FacetValue[];
  /** Distinct values with at least one event in that selection. */
  distinct: number;
}

export interface ImportRejection {
  /** Position of the record in its file's `Records`, from 0. */
  index: number;
  reason: string;
}

export interface ImportReport {
  file: string;
  imported: number;
  rejected: number;
  /** The first rejections (at most 100), with their reasons. */
  rejections: ImportRejection[];
  /** Accepted with a remark, e.g. an eventID was assigned because the record had none. */
  warnings: string[];
}

import { ACCOUNT_ID, type CloudTrailRecord, type Engine } from '../../engine/index.ts';
import type { ServedCall } from '../protocol/json-rpc.ts';

export const DEFAULT_REGION = 'us-east-1';
/** Where a browser host says the call came from (the page and its engine share the machine). */
export const LOCAL_IP = '127.0.0.1';
/** CloudTrail truncates userAgent at 1 KB and omits requestParameters beyond 100 KB. */
const MAX_USER_AGENT = 1024;
const MAX_PARAMETERS = 100 * 1024;

/** A service whose mutating calls CloudTrail records as management events. */
export interface AuditedService {
  /** The record's eventSource, e.g. monitoring.amazonaws.com. */
  eventSource: string;
  /** Operations recorded (writes). Reads and data-plane calls are not management events, so not here. */
  mutating: ReadonlySet<string>;
}

/**
 * CloudWatch's write management events. PutMetricData, GetMetricData, GetMetricStatistics, ListMetrics
 * and Describe* are not recorded (data-plane calls and reads), as in AWS's event history. Add an
 * operation here when the API gains it; names the API does not serve yet are harmless.
 */
export const CLOUDWATCH_AUDIT: AuditedService = {
  eventSource: 'monitoring.amazonaws.com',
  mutating: new Set([
    'PutMetricAlarm',
    'PutCompositeAlarm',
    'DeleteAlarms',
    'SetAlarmState',
    'EnableAlarmActions',
    'DisableAlarmActions',
    'PutAnomalyDetector',
    'DeleteAnomalyDetector',
    'PutDashboard',
    'DeleteDashboards',
    'TagResource',
    'UntagResource',
    'PutInsightRule',
    'DeleteInsightRules',
    'EnableInsightRules',
    'DisableInsightRules',
    'PutMetricStream',
    'DeleteMetricStream',
    'StartMetricStreams',
    'StopMetricStreams',
    'PutManagedInsightRules',
  ]),
};

/** Who called, read from the request: SigV4's access key id and Region, the user agent, the source address. */
export interface Caller {
  /** Undefined when the request carried no SigV4 Authorization header we could read. */
  accessKeyId: string | undefined;
  region: string;
  userAgent: string | undefined;
  sourceIp: string;
}

const CREDENTIAL = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/[^/\s,]+\/aws4_request/;

export function callerOf(request: Request, sourceIp: string | undefined): Caller {
  const m = CREDENTIAL.exec(request.headers.get('authorization') ?? '');
  const agent = request.headers.get('x-amz-user-agent') ?? request.headers.get('user-agent') ?? undefined;
  return {
    accessKeyId: m?.[1],
    region: m?.[2] ?? DEFAULT_REGION,
    userAgent: agent?.slice(0, MAX_USER_AGENT),
    sourceIp: sourceIp || LOCAL_IP,
  };
}

/** A stable IAM unique id for a key (AIDA + 17 characters), so one user keeps one principalId. */
export function principalIdFor(accessKeyId: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = 'AIDA';
  let h = 2166136261;
  for (let round = 0; id.length < 21; round++) {
    for (let i = 0; i < accessKeyId.length; i++) h = Math.imul(h ^ accessKeyId.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    id += alphabet[(h >>> 0) % 32] + alphabet[(h >>> 8) % 32] + alphabet[(h >>> 16) % 32];
  }
  return id.slice(0, 21);
}

/**
 * The caller's identity. A signed request is an IAM user: the access key's mapped name (settings), or
 * the key itself. A request without a readable SigV4 signature (curl, a browser fetch) is recorded as
 * type Unknown with the user name "anonymous", so it still shows up and can be looked up.
 */
export function identityOf(engine: Engine, caller: Caller): CloudTrailRecord['userIdentity'] {
  if (!caller.accessKeyId) {
    return { type: 'Unknown', principalId: 'anonymous', accountId: ACCOUNT_ID, userName: 'anonymous' };
  }
  const userName = engine.trail.userNameFor(caller.accessKeyId);
  return {
    type: 'IAMUser',
    principalId: principalIdFor(caller.accessKeyId),
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`,
    accountId: ACCOUNT_ID,
    accessKeyId: caller.accessKeyId,
    userName,
  };
}

/** Member names as CloudTrail shows a call's parameters: lowerCamelCase (`AlarmName` → `alarmName`). */
export function lowerCamel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCamel);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = lowerCamel(v);
  return out;
}

/** CloudTrail's eventTime format: `YYYY-MM-DDTHH:MM:SSZ` (no milliseconds). */
export const recordTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const uuid = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
        ((Math.random() * 16) | (c === 'x' ? 0 : 8)).toString(16),
      );

/** The CloudTrail record of one call our API served, as AWS would deliver it. */
export function apiCallRecord(
  engine: Engine,
  service: AuditedService,
  caller: Caller,
  call: ServedCall,
): CloudTrailRecord {
  let requestParameters = call.input === undefined ? null : lowerCamel(call.input);
  if (requestParameters !== null && JSON.stringify(requestParameters).length > MAX_PARAMETERS)
    requestParameters = null;
  return {
    eventVersion: '1.11',
    userIdentity: identityOf(engine, caller),
    eventTime: recordTime(engine.now()),
    eventSource: service.eventSource,
    eventName: call.operation,
    awsRegion: caller.region,
    sourceIPAddress: caller.sourceIp,
    ...(caller.userAgent !== undefined ? { userAgent: caller.userAgent } : {}),
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message.slice(0, 1024) } : {}),
    requestParameters,
    responseElements: null,
    requestID: call.requestId,
    eventID: uuid(),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT_ID,
    eventCategory: 'Management',
  };
}

/**
 * A `serveJsonRpc` observer that appends a CloudTrail record for every mutating call of the service,
 * successful or failed. Recording never changes the answer the caller gets.
 */
export function auditor(engine: Engine, service: AuditedService, caller: Caller) {
  return (call: ServedCall): void => {
    if (!service.mutating.has(call.operation)) return;
    try {
      engine.trail.appendApiRecord(apiCallRecord(engine, service, caller, call));
    } catch (e) {
      console.error('Could not record the call in the audit trail:', e);
    }
  };
}

/**
 * Builds one full CloudTrail record from an event's compact columns, on demand
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
import { ACCOUNT_ID, REGION } from '../../alarms/model.ts';
import type { CloudTrailRecord } from '../../trail/model.ts';
import { hash3 } from '../random.ts';
import { ACTIONS, type ActionDef, type CallContext, eventSourceOf, uuidOf } from './actions.ts';
import { ERROR_KINDS, type ErrorKind } from './activity.ts';
import type { DayResources } from './day-resources.ts';
import { ACTORS, type Actor, isoSeconds, roleSessionStart, sessionKey, userIdentity } from './identities.ts';
import type { SimResource } from './resources.ts';

/** The error code a failed call logs, by kind and service ('' for a failed sign-in, which logs none). */
export function errorCodeOf(kind: ErrorKind, service: string): string {
  switch (kind) {
    case 'none':
    case 'login':
      return '';
    case 'denied':
      if (service === 'ec2') return 'Client.UnauthorizedOperation';
      return ['lambda', 'dynamodb', 'kms', 'ssm', 'ce'].includes(service)
        ? 'AccessDeniedException'
        : 'AccessDenied';
    case 'throttle':
      if (service === 'ec2') return 'Client.RequestLimitExceeded';
      return service === 's3' ? 'SlowDown' : 'ThrottlingException';
    case 'notFound':
      if (service === 'iam') return 'NoSuchEntityException';
      if (service === 'ec2') return 'Client.InvalidInstanceID.NotFound';
      if (service === 'rds') return 'DBInstanceNotFoundFault';
      return 'ResourceNotFoundException';
    case 'noPolicy':
      return 'NoSuchBucketPolicy';
    case 'noSuchKey':
      return 'NoSuchKey';
  }
}

const IAM_PREFIX: Record<string, string> = {
  monitoring: 'cloudwatch',
  elasticloadbalancing: 'elasticloadbalancing',
};
const plainAction = (name: string) => name.replace(/\d{8}(v\d)?$/, '');

function errorMessage(kind: ErrorKind, a: ActionDef, actorArn: string, r: SimResource | undefined): string {
  switch (kind) {
    case 'login':
      return 'Failed authentication';
    case 'denied': {
      if (a.service === 'ec2') return 'You are not authorized to perform this operation.';
      if (a.service === 's3') return 'Access Denied';
      const op = `${IAM_PREFIX[a.service] ?? a.service}:${plainAction(a.name)}`;
      return `User: ${actorArn} is not authorized to perform: ${op} on resource: ${r?.arn ?? '*'} because no identity-based policy allows the ${op} action`;
    }
    case 'throttle':
      return a.service === 'ec2'
        ? 'Request limit exceeded.'
        : a.service === 's3'
          ? 'Please reduce your request rate.'
          : 'Rate exceeded';
    case 'notFound':
      if (a.service === 'iam') return `The role with name ${r?.name ?? ''} cannot be found.`;
      if (a.service === 'lambda') return `Function not found: ${r?.arn ?? ''}`;
      if (a.service === 'ec2') return `The instance ID '${r?.name ?? ''}' does not exist`;
      return 'Requested resource not found';
    case 'noPolicy':
      return 'The bucket policy does not exist';
    case 'noSuchKey':
      return 'The specified key does not exist.';
    default:
      return '';
  }
}

const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const kebab = (s: string) =>
  plainAction(s)
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();

/** The user agent of one call: browser, CLI, Terraform, SDK, or the calling service. */
export function userAgentOf(actor: Actor, actorIndex: number, a: ActionDef, day: number): string {
  switch (actor.agent) {
    case 'console':
      return BROWSERS[(actorIndex + day) % (actor.username === 'alice' ? 2 : BROWSERS.length)];
    case 'cli': {
      const os = actor.username === 'carol' ? 'os/macos#24.1.0' : 'os/linux#6.8.0-1019-aws';
      return `aws-cli/2.22.${actor.username === 'carol' ? 13 : 4} md/awscrt#0.23.4 ua/2.0 ${os} md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#${a.service}.${kebab(a.name)}`;
    }
    case 'terraform':
      return `APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.80.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.6 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 api/${a.service}#1.x m/E,g`;
    case 'boto3':
      return actor.username === 'security-scan'
        ? 'Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#6.1.115-126.197.amzn2023.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#adaptive Botocore/1.35.76 prowler/5.1.0'
        : 'Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#5.10.228-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.13.0 md/pyimpl#CPython exec-env/AWS_Lambda_python3.13 cfg/retry-mode#legacy Botocore/1.35.76';
    case 'sdk-js':
      if (a.service === 'ssm' || (a.service === 'ec2' && actor.role === 'web-instance-role'))
        return 'aws-sdk-go/1.55.5 (go1.22.8; linux; arm64) amazon-ssm-agent/3.3.1142.0';
      return `aws-sdk-js/3.699.0 ua/2.1 os/linux#5.10.228-219.884.amzn2.x86_64 lang/js md/nodejs#22.11.0 exec-env/AWS_Lambda_nodejs22.x api/${a.service}#3.699.0 m/E,N`;
    case 'service':
      return actor.invokedBy ?? 'AWS Internal';
  }
}

const hostOf = (a: ActionDef, r: SimResource | undefined, resources: DayResources) => {
  if (a.service === 's3') {
    const bucket =
      r?.type === 'AWS::S3::Object' && r.parent !== undefined ? resources.list[r.parent].name : r?.name;
    return bucket ? `${bucket}.s3.${REGION}.amazonaws.com` : `s3.${REGION}.amazonaws.com`;
  }
  if (a.service === 'iam') return 'iam.amazonaws.com';
  return `${a.service}.${REGION}.amazonaws.com`;
};

/** One event's compact columns, as the batch keeps them. */
export interface CompactEvent {
  seed: number;
  day: number;
  index: number;
  timeMs: number;
  actor: number;
  action: number;
  res: number;
  res2: number;
  err: number;
  param: number;
  eventId: string;
}

/** The access key an event's identity uses ('' for sign-ins and AWS services). */
export function accessKeyOf(
  seed: number,
  actorIdx: number,
  action: ActionDef,
  timeMs: number,
  param: number,
): string {
  const actor = ACTORS[actorIdx];
  if (action.name === 'ConsoleLogin' || actor.type === 'AWSService' || actor.username.startsWith('HIDDEN'))
    return '';
  if (actor.accessKey) return actor.accessKey;
  return sessionKey(seed, actorIdx, sessionStartOf(actor, timeMs, param));
}

/** When the session behind a call began, epoch seconds. */
export const sessionStartOf = (actor: Actor, timeMs: number, param: number): number =>
  actor.paramSession ? param : roleSessionStart(actor, timeMs);

/** The region of the IP the source is shown as. */
export function sourceIpOf(seed: number, actorIdx: number, day: number): string {
  const ips = ACTORS[actorIdx].ips;
  return ips[hash3(seed, actorIdx + 0x7100, day) % ips.length];
}

export function buildRecord(e: CompactEvent, resources: DayResources): CloudTrailRecord {
  const actor = ACTORS[e.actor];
  const a = ACTIONS[e.action];
  const kind = ERROR_KINDS[e.err];
  const r = e.res >= 0 ? resources.list[e.res] : undefined;
  const r2 =
    e.res2 >= 0 ? resources.list[e.res2] : r?.parent !== undefined ? resources.list[r.parent] : undefined;
  const failed = kind !== 'none';
  const c: CallContext = {
    actor,
    r,
    r2,
    timeMs: e.timeMs,
    h: (k) => hash3(e.seed ^ 0x3c6ef372, e.day * 131 + k, e.index),
    param: e.param,
    failed,
  };
  const key = accessKeyOf(e.seed, e.actor, a, e.timeMs, e.param);
  const identity = userIdentity(actor, key, sessionStartOf(actor, e.timeMs, e.param) * 1000, !!actor.mfa);
  const signIn = a.eventType === 'AwsConsoleSignIn';
  const serviceCall = actor.agent === 'service';
  const rec: CloudTrailRecord = {
    eventVersion: a.data ? '1.10' : '1.11',
    userIdentity: identity,
    eventTime: isoSeconds(e.timeMs),
    eventSource: eventSourceOf(a),
    eventName: a.name,
    awsRegion: REGION,
    sourceIPAddress: sourceIpOf(e.seed, e.actor, e.day),
    userAgent: userAgentOf(actor, e.actor, a, e.day),
  };
  const code = errorCodeOf(kind, a.service);
  if (code) rec.errorCode = code;
  if (failed) rec.errorMessage = errorMessage(kind, a, identity.arn ?? '', r);
  rec.requestParameters = a.request?.(c) ?? null;
  rec.responseElements = (!failed || signIn) && a.response ? a.response(c) : null;
  if (a.additional) rec.additionalEventData = a.additional(c);
  if (!signIn)
    rec.requestID =
      a.service === 's3'
        ? (c.h(90).toString(16).padStart(8, '0') + c.h(91).toString(16).padStart(8, '0')).toUpperCase()
        : uuidOf(c.h(92), c.h(93), c.h(94), c.h(95));
  rec.eventID = e.eventId;
  rec.readOnly = a.readOnly;
  const listed = [r, r2].filter((x): x is SimResource => x !== undefined && x.arn !== undefined);
  if (listed.length)
    rec.resources = listed.map((x) =>
      x.type === 'AWS::S3::Object'
        ? { type: x.type, ARN: x.arn }
        : { accountId: ACCOUNT_ID, type: x.type, ARN: x.arn },
    );
  rec.eventType = a.eventType ?? 'AwsApiCall';
  rec.managementEvent = !a.data;
  rec.recipientAccountId = ACCOUNT_ID;
  rec.eventCategory = a.data ? 'Data' : 'Management';
  if (!signIn && !serviceCall)
    rec.tlsDetails = {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: hostOf(a, r, resources),
    };
  if (!signIn && actor.agent === 'console') rec.sessionCredentialFromConsole = 'true';
  return rec;
}

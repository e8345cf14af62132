import type { CloudTrailRecord, TrailResource, UserIdentity } from './model.ts';

/**
 * What LookupEvents reports as `Username` ("a user name or role name of the requester"). AWS derives
 * it server-side and documents only `root` for the root user; for assumed roles we use the role
 * session name (the last segment of the assumed-role ARN), for AWS services the calling service.
 */
export function lookupUsername(identity: UserIdentity | null | undefined): string {
  if (!identity || typeof identity !== 'object') return '';
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const arnTail = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  switch (identity.type) {
    case 'Root':
      return 'root';
    case 'AssumedRole': {
      const arn = str(identity.arn);
      if (arn.includes(':assumed-role/')) return arnTail(arn);
      const principal = str(identity.principalId);
      return principal.includes(':') ? principal.slice(principal.indexOf(':') + 1) : principal;
    }
    case 'AWSService':
      return str(identity.invokedBy) || str(identity.principalId);
    case 'AWSAccount':
      return str(identity.accountId) || str(identity.principalId);
    case 'IdentityCenterUser': {
      const onBehalfOf = identity.onBehalfOf as { userId?: unknown } | undefined;
      return str(identity.userName) || str(onBehalfOf?.userId);
    }
    default: {
      const name = str(identity.userName);
      if (name) return name;
      const arn = str(identity.arn);
      if (arn.includes('/')) return arnTail(arn);
      return str(identity.invokedBy);
    }
  }
}

/** For assumed roles, the role's name (the session issuer). */
export function roleName(identity: UserIdentity | null | undefined): string {
  if (!identity || identity.type !== 'AssumedRole') return '';
  const issuer = identity.sessionContext?.sessionIssuer;
  if (typeof issuer?.userName === 'string' && issuer.userName) return issuer.userName;
  const arn = typeof identity.arn === 'string' ? identity.arn : '';
  const m = /:assumed-role\/([^/]+)\//.exec(arn);
  return m ? m[1] : '';
}

/** Management, Data, Insight or NetworkActivity; records older than eventVersion 1.07 have no category. */
export function eventCategory(r: CloudTrailRecord): string {
  if (typeof r.eventCategory === 'string' && r.eventCategory) return r.eventCategory;
  if (r.eventType === 'AwsCloudTrailInsight') return 'Insight';
  if (r.managementEvent === false) return 'Data';
  return 'Management';
}

export function readOnlyText(r: CloudTrailRecord): string {
  const v: unknown = r.readOnly;
  if (v === true || v === 'true') return 'true';
  if (v === false || v === 'false') return 'false';
  return '';
}

/**
 * eventTime as epoch ms: CloudTrail's `YYYY-MM-DDTHH:MM:SSZ` (fractions allowed), and also
 * `YYYY-MM-DD HH:MM:SS[.fff…]` without a zone, read as UTC, which some exporters write. NaN otherwise.
 */
export function parseEventTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, frac ? Math.floor(Number(frac) * 1000) : 0);
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return NaN;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, as CloudTrail writes eventTime. */
export function formatEventTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Resource types of the request parameters LookupEvents reports as `Resources` (derived, as AWS does server-side). */
const PARAMETER_RESOURCES: [key: string, type: string][] = [
  ['instanceId', 'AWS::EC2::Instance'],
  ['groupId', 'AWS::EC2::SecurityGroup'],
  ['groupName', 'AWS::EC2::SecurityGroup'],
  ['vpcId', 'AWS::EC2::VPC'],
  ['subnetId', 'AWS::EC2::Subnet'],
  ['volumeId', 'AWS::EC2::Volume'],
  ['snapshotId', 'AWS::EC2::Snapshot'],
  ['imageId', 'AWS::EC2::Ami'],
  ['keyName', 'AWS::EC2::KeyPair'],
  ['bucketName', 'AWS::S3::Bucket'],
  ['functionName', 'AWS::Lambda::Function'],
  ['userName', 'AWS::IAM::User'],
  ['roleName', 'AWS::IAM::Role'],
  ['roleArn', 'AWS::IAM::Role'],
  ['groupName', 'AWS::IAM::Group'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['policyName', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['tableName', 'AWS::DynamoDB::Table'],
  ['dBInstanceIdentifier', 'AWS::RDS::DBInstance'],
  ['dBClusterIdentifier', 'AWS::RDS::DBCluster'],
  ['autoScalingGroupName', 'AWS::AutoScaling::AutoScalingGroup'],
  ['alarmName', 'AWS::CloudWatch::Alarm'],
  ['alarmNames', 'AWS::CloudWatch::Alarm'],
  ['dashboardName', 'AWS::CloudWatch::Dashboard'],
  ['dashboardNames', 'AWS::CloudWatch::Dashboard'],
  ['logGroupName', 'AWS::Logs::LogGroup'],
  ['topicArn', 'AWS::SNS::Topic'],
  ['queueUrl', 'AWS::SQS::Queue'],
  ['keyId', 'AWS::KMS::Key'],
  ['secretId', 'AWS::SecretsManager::Secret'],
  ['stackName', 'AWS::CloudFormation::Stack'],
  ['loadBalancerArn', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  ['targetGroupArn', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
];
const SERVICE_OF_TYPE = (type: string) => type.split('::')[1]?.toLowerCase() ?? '';

/** Which source each ambiguous parameter belongs to (groupName is EC2's in ec2, IAM's in iam). */
function parameterType(key: string, eventSource: string): string | undefined {
  const service = eventSource.split('.')[0];
  let fallback: string | undefined;
  for (const [k, type] of PARAMETER_RESOURCES) {
    if (k !== key) continue;
    const owner = SERVICE_OF_TYPE(type);
    if (owner === service || (owner === 'cloudwatch' && service === 'monitoring')) return type;
    if (owner === 'elasticloadbalancingv2' && service === 'elasticloadbalancing') return type;
    fallback ??= type;
  }
  return fallback;
}

const MAX_DERIVED_RESOURCES = 16;

/**
 * A resource's name from its ARN, as the event history shows it: the S3 bucket or `bucket/key`, the
 * load balancer's `app/name/id`, the target group's name, otherwise the ARN's last `/` or `:` segment.
 */
export function resourceNameFromArn(type: string, arn: string): string {
  if (!arn.startsWith('arn:')) return arn;
  if (arn.startsWith('arn:aws:s3:::')) return arn.slice('arn:aws:s3:::'.length);
  if (type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && arn.includes(':loadbalancer/'))
    return arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
  if (type === 'AWS::ElasticLoadBalancingV2::TargetGroup') return arn.split('/')[1] ?? arn;
  return arn.slice(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1);
}

/**
 * The resources an event touched, as Event history shows them: the record's `resources[]` (data events
 * name them by ARN) and names read from well-known request parameters (instanceId, bucketName, …),
 * including EC2's `instancesSet.items[]`. AWS derives this server-side without documenting the rules,
 * so this is our reconstruction; duplicates are dropped.
 */
export function deriveResources(r: CloudTrailRecord): TrailResource[] {
  const out: TrailResource[] = [];
  const seen = new Set<string>();
  const add = (type: string, value: unknown) => {
    if (typeof value !== 'string' || value === '' || out.length >= MAX_DERIVED_RESOURCES) return;
    const name = resourceNameFromArn(type, value);
    const key = `${type}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, name });
  };
  if (Array.isArray(r.resources)) {
    for (const res of r.resources) {
      if (!res || typeof res !== 'object' || typeof res.ARN !== 'string') continue;
      const type = typeof res.type === 'string' ? res.type : '';
      add(type, res.ARN);
    }
  }
  const source = typeof r.eventSource === 'string' ? r.eventSource : '';
  const visit = (params: unknown, depth: number) => {
    if (!params || typeof params !== 'object' || depth > 3) return;
    if (Array.isArray(params)) {
      for (const item of params.slice(0, MAX_DERIVED_RESOURCES)) visit(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
      const type = parameterType(key, source);
      if (type) {
        if (typeof value === 'string') add(type, value);
        else if (Array.isArray(value)) for (const v of value.slice(0, MAX_DERIVED_RESOURCES)) add(type, v);
        else if (value && typeof value === 'object' && key === 'instanceId') add(type, value);
      } else if (key === 'instancesSet' || key === 'items' || key === 'resourcesSet' || key === 'groupSet') {
        visit(value, depth + 1);
      }
    }
  };
  visit(r.requestParameters, 0);
  if (r.eventName === 'RunInstances') visit(r.responseElements, 0);
  const response = r.responseElements as
    { credentials?: { accessKeyId?: unknown }; accessKey?: { accessKeyId?: unknown } } | null | undefined;
  if (response && typeof response === 'object')
    add('AWS::IAM::AccessKey', response.credentials?.accessKeyId ?? response.accessKey?.accessKeyId);
  return out;
}

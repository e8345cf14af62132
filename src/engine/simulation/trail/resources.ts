/**
 * The simulated account's resources as the audit trail names them: the same instances, functions,
 * tables and database the metrics simulation uses, plus buckets, security groups and IAM entities.
 * Resource types follow CloudTrail's `resources[].type` (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
import { ACCOUNT_ID, REGION } from '../../alarms/model.ts';
import { resourceNameFromArn } from '../../trail/derive.ts';
import type { CloudTrailRecord, TrailResource } from '../../trail/model.ts';
import { BATCH_INSTANCE, WEB_INSTANCES } from '../workload.ts';

/** One resource an event can touch. Without an ARN it is not listed in the record's `resources[]`. */
export interface SimResource {
  type: string;
  name: string;
  arn?: string;
  /** For an S3 object: the index of its bucket. */
  parent?: number;
}

const ec2Arn = (kind: string, id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:${kind}/${id}`;
export const iamArn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}/${name}`;
export const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

export const TARGET_GROUP_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web-tg/6d0ecf831eec9f09`;
export const KMS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/3f9a2c1e-7b4d-4e8a-9c61-2d5f0b8a4e17`;
export const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/management-events`;

export const SECURITY_GROUPS = {
  web: 'sg-0a1b2c3d4e5f00001',
  alb: 'sg-0a1b2c3d4e5f00002',
  db: 'sg-0a1b2c3d4e5f00003',
} as const;

export const BUCKETS = {
  assets: 'watchtrail-assets',
  exports: 'orders-exports',
  trail: `watchtrail-cloudtrail-logs-${ACCOUNT_ID}`,
  artifacts: 'watchtrail-deploy-artifacts',
  terraform: `watchtrail-terraform-state-${ACCOUNT_ID}`,
} as const;

export const FUNCTIONS = ['orders-api', 'image-resize', 'nightly-report'] as const;

/** Roles by name; the path matters for the service-linked ones. */
export const ROLES: Record<string, string> = {
  'deploy-pipeline': '/',
  'security-scanner': '/',
  'orders-api-role': '/service-role/',
  'image-resize-role': '/service-role/',
  'nightly-report-role': '/service-role/',
  'web-instance-role': '/',
  AWSServiceRoleForAutoScaling: '/aws-service-role/autoscaling.amazonaws.com/',
  AWSServiceRoleForConfig: '/aws-service-role/config.amazonaws.com/',
};
export const roleArn = (name: string) => iamArn('role', `${ROLES[name]?.slice(1) ?? ''}${name}`);

export const USERS = ['alice', 'bob', 'carol', 'dave'] as const;

export const POLICIES: Record<string, string> = {
  'deploy-pipeline-policy': iamArn('policy', 'deploy-pipeline-policy'),
  'orders-exports-read': iamArn('policy', 'orders-exports-read'),
  'lambda-s3-access': iamArn('policy', 'lambda-s3-access'),
  ReadOnlyAccess: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  SecurityAudit: 'arn:aws:iam::aws:policy/SecurityAudit',
};

/** The static resources; index positions are stable (events refer to them by index). */
export const STATIC_RESOURCES: readonly SimResource[] = (() => {
  const list: SimResource[] = [];
  for (const id of [...WEB_INSTANCES, BATCH_INSTANCE])
    list.push({ type: 'AWS::EC2::Instance', name: id, arn: ec2Arn('instance', id) });
  for (const id of Object.values(SECURITY_GROUPS))
    list.push({ type: 'AWS::EC2::SecurityGroup', name: id, arn: ec2Arn('security-group', id) });
  list.push({
    type: 'AWS::AutoScaling::AutoScalingGroup',
    name: 'web-asg',
    arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:autoScalingGroup:8e1f4f5a-2b6c-4f0e-9d3a-6c2b1a0f9e77:autoScalingGroupName/web-asg`,
  });
  list.push({
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    name: 'app/web-alb/50dc6c495c0c9188',
    arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/web-alb/50dc6c495c0c9188`,
  });
  list.push({ type: 'AWS::ElasticLoadBalancingV2::TargetGroup', name: 'web-tg', arn: TARGET_GROUP_ARN });
  for (const f of FUNCTIONS) list.push({ type: 'AWS::Lambda::Function', name: f, arn: functionArn(f) });
  for (const t of ['orders', 'sessions'])
    list.push({
      type: 'AWS::DynamoDB::Table',
      name: t,
      arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/${t}`,
    });
  list.push({
    type: 'AWS::RDS::DBInstance',
    name: 'orders-db',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT_ID}:db:orders-db`,
  });
  for (const b of Object.values(BUCKETS)) list.push({ type: 'AWS::S3::Bucket', name: b, arn: bucketArn(b) });
  for (const r of Object.keys(ROLES)) list.push({ type: 'AWS::IAM::Role', name: r, arn: roleArn(r) });
  for (const u of USERS) list.push({ type: 'AWS::IAM::User', name: u, arn: iamArn('user', u) });
  for (const [p, arn] of Object.entries(POLICIES)) list.push({ type: 'AWS::IAM::Policy', name: p, arn });
  list.push({
    type: 'AWS::KMS::Key',
    name: KMS_KEY_ARN.slice(KMS_KEY_ARN.lastIndexOf('/') + 1),
    arn: KMS_KEY_ARN,
  });
  list.push({ type: 'AWS::CloudTrail::Trail', name: 'management-events', arn: TRAIL_ARN });
  return list;
})();

/** The index of a static resource by name (throws on a typo: the tables are fixed). */
export function resourceIndex(name: string): number {
  const i = STATIC_RESOURCES.findIndex((r) => r.name === name);
  if (i < 0) throw new Error(`no simulated resource ${name}`);
  return i;
}

/**
 * The resources of a simulated record, as its summary (and LookupEvents' `Resources`) lists them:
 * every `resources[]` entry (type, name from the ARN), then the access key an AssumeRole or
 * CreateAccessKey returned. The simulation fills the indexed resource columns by exactly this rule.
 */
export function simulatedResources(record: CloudTrailRecord): TrailResource[] {
  const out: TrailResource[] = [];
  for (const r of record.resources ?? [])
    if (r.type && r.ARN) out.push({ type: r.type, name: resourceNameFromArn(r.type, r.ARN) });
  const resp = record.responseElements as
    { credentials?: { accessKeyId?: string }; accessKey?: { accessKeyId?: string } } | null | undefined;
  const key = resp?.credentials?.accessKeyId ?? resp?.accessKey?.accessKeyId;
  if (key) out.push({ type: 'AWS::IAM::AccessKey', name: key });
  return out;
}
